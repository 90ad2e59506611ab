package vn.bordergate.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** One operation of the server's OpenAPI document: where it is, its parameters and its body schema. */
record Operation(String method, String path, List<Param> pathParams, List<Param> queryParams, JsonNode body) {
    record Param(String name, JsonNode schema) {}

    /** Every operation in {@code /openapi.json}, with schema references left for {@link HostileRequests}. */
    static List<Operation> all(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode op = method.getValue();
                List<Param> inPath = new ArrayList<>();
                List<Param> inQuery = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    Param param = new Param(p.path("name").asText(), p.path("schema"));
                    switch (p.path("in").asText()) {
                        case "path" -> inPath.add(param);
                        case "query" -> inQuery.add(param);
                        default -> {}
                    }
                }
                JsonNode body = op.path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema");
                operations.add(new Operation(
                        method.getKey().toUpperCase(),
                        path.getKey(),
                        inPath,
                        inQuery,
                        body.isMissingNode() ? null : body));
            }
        }
        return operations;
    }
}
