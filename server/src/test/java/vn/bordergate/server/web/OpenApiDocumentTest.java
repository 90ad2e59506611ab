package vn.bordergate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.RawResponse;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.server.support.TestGate;

/** The server's OpenAPI document is valid OpenAPI 3 JSON and lists every operation of {@code docs/api.md}. */
class OpenApiDocumentTest {
    private static final ObjectMapper MAPPER = GateJson.newClientMapper();
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");

    private static JsonNode document;

    @BeforeAll
    static void fetch() throws IOException {
        RawResponse answer = TestGate.shared().anonymous().sendRaw("GET", "/openapi.json", null, null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        document = MAPPER.readTree(answer.body());
    }

    @Test
    void isAnOpenApi3Document() {
        assertThat(document.isObject()).isTrue();
        assertThat(document.path("openapi").asText()).matches("3\\.\\d+(\\.\\d+)?");
        assertThat(document.path("info").path("title").asText()).isNotBlank();
        assertThat(document.path("info").path("version").asText()).isNotBlank();
        assertThat(document.path("paths").isObject()).isTrue();
        for (String operation : operations()) {
            assertThat(operation).as("paths are absolute").contains(" /");
        }
    }

    @Test
    void containsEveryOperationOfTheApiDocumentation() throws IOException {
        List<String> documented = documentedOperations();
        assertThat(documented)
                .as("operations parsed from the table of docs/api.md")
                .hasSizeGreaterThan(30)
                .contains("GET /api/health", "GET /api/yards", "POST /api/crossings/{id}/steps/{step}/decision");

        assertThat(operations()).containsAll(documented);
    }

    @Test
    void documentsNoOperationTheApiDocumentationLeavesOut() throws IOException {
        assertThat(documentedOperations()).containsAll(operations());
    }

    @Test
    void declaresTheBearerSecurityScheme() {
        JsonNode schemes = document.path("components").path("securitySchemes");
        String name = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = schemes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> scheme = it.next();
            if (scheme.getValue().path("type").asText().equals("http")
                    && scheme.getValue().path("scheme").asText().equalsIgnoreCase("bearer")) {
                name = scheme.getKey();
            }
        }
        assertThat(name)
                .as("an http bearer scheme in components.securitySchemes: %s", schemes)
                .isNotNull();

        // required by default (globally), so an operation without its own "security" needs the bearer token
        List<String> global = new ArrayList<>();
        document.path("security")
                .forEach(requirement -> requirement.fieldNames().forEachRemaining(global::add));
        assertThat(global).as("the document's global security requirement").contains(name);
    }

    @Test
    void everyPathParameterIsDeclared() {
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                List<String> declared = new ArrayList<>();
                op.getValue().path("parameters").forEach(p -> {
                    if (p.path("in").asText().equals("path")) {
                        declared.add(p.path("name").asText());
                    }
                });
                java.util.regex.Matcher m =
                        java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
                while (m.find()) {
                    assertThat(declared)
                            .as("%s %s declares its path parameter", op.getKey(), path.getKey())
                            .contains(m.group(1));
                }
            }
        }
    }

    /** {@code METHOD /path} of every operation in the document. */
    private static Set<String> operations() {
        Set<String> operations = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                String m = method.toUpperCase(Locale.ROOT);
                if (HTTP_METHODS.contains(m)) {
                    operations.add(m + " " + path.getKey());
                }
            });
        }
        return operations;
    }

    /**
     * {@code METHOD /path} of every row of the table in {@code docs/api.md}: query strings dropped, rows
     * listing several paths split, the WebSocket row left out.
     */
    static List<String> documentedOperations() throws IOException {
        List<String> operations = new ArrayList<>();
        for (String line : Files.readAllLines(apiMarkdown(), StandardCharsets.UTF_8)) {
            String[] cells = line.strip().split("\\|");
            if (cells.length < 3 || !cells[0].isBlank()) {
                continue;
            }
            String method = cells[1].strip();
            if (!HTTP_METHODS.contains(method)) {
                continue; // the header, the separator, the WS row
            }
            for (String path : cells[2].split(",")) {
                String clean = path.strip();
                int query = clean.indexOf('?');
                operations.add(method + " " + (query < 0 ? clean : clean.substring(0, query)));
            }
        }
        return operations;
    }

    private static Path apiMarkdown() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("api.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("docs/api.md not found above " + Path.of("").toAbsolutePath());
    }
}
