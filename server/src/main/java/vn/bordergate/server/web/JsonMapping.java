package vn.bordergate.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Hands Jersey the wire format's one ObjectMapper (a lambda would lose the generic type Jersey looks for). */
@Provider
final class JsonMapping implements ContextResolver<ObjectMapper> {
    private final ObjectMapper json;

    JsonMapping(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return json;
    }
}
