package vn.bordergate.common.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON mapping of the wire format, shared by server, workstation and tests. */
public final class GateJson {
    private GateJson() {}

    /**
     * A strict mapper: unknown fields and numbers given for enums are errors, so a typo in a request
     * is reported instead of silently dropped. A missing boolean is false. Times are ISO-8601 strings.
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** A lenient mapper for clients: a newer server may add fields an older workstation ignores. */
    public static ObjectMapper newClientMapper() {
        return newMapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
