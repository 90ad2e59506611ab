package vn.bordergate.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds hostile requests from the OpenAPI document: a plausible request for an operation, then one
 * or more mutations (wrong types, missing and extra fields, huge strings and arrays, deep nesting,
 * invalid UTF-8, injection strings, path traversal, wrong methods and content types, bad tokens).
 * Request {@code n} of seed {@code s} is always the same request.
 */
final class HostileRequests {
    static final List<String> HOSTILE = List.of(
            "' OR '1'='1",
            "1; DROP TABLE crossing; --",
            "\" OR \"\"=\"",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "../../../../etc/passwd",
            "..\\..\\..\\windows\\win.ini",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "${jndi:ldap://127.0.0.1/a}",
            "{{7*7}}",
            "\u0000",
            "\uD800",
            "\u202Eevil",
            "🚚🚚🚚",
            "Ｆｕｌｌｗｉｄｔｈ",
            "null",
            "-1",
            "0",
            "9223372036854775808",
            "-9223372036854775809",
            "1e309",
            "NaN",
            "true",
            "",
            " ",
            "\t\n\r",
            "ADMINISTRATOR",
            "CAM-L1-IN",
            "36LD-999.99",
            "琼B00001");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json",
            "application/json",
            "application/json; charset=ISO-8859-1",
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz",
            "application/octet-stream",
            "application/json; charset=utf-99",
            "???",
            "");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    /** One request as sent: {@code contentType} null sends none; {@code token} null sends no Authorization. */
    record Request(String method, String path, String authorization, String contentType, byte[] body, String note) {
        String describe() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
            return method + " " + (path.length() > 200 ? path.substring(0, 200) + "…" : path) + " [" + note + "] "
                    + (body == null ? "" : body.length + " bytes: " + shown);
        }
    }

    private final List<Operation> operations;
    private final JsonNode schemas;
    private final FuzzTokens tokens;
    private final long seed;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    HostileRequests(List<Operation> operations, JsonNode document, FuzzTokens tokens, long seed) {
        this.operations = operations;
        this.schemas = document.path("components").path("schemas");
        this.tokens = tokens;
        this.seed = seed;
    }

    Request request(long n) {
        Random random = new Random(seed * 1_000_003L + n);
        Operation op = operations.get(random.nextInt(operations.size()));
        List<String> notes = new ArrayList<>();
        String method = op.method();
        if (random.nextInt(12) == 0) {
            method = pick(random, METHODS);
            notes.add("method " + method);
        }
        String path = path(op, random, notes);
        String authorization = authorization(random, notes);
        byte[] body = null;
        String contentType = null;
        if (op.body() != null || random.nextInt(8) == 0) {
            body = body(op.body(), random, notes);
            contentType = random.nextInt(4) == 0 ? pick(random, CONTENT_TYPES) : "application/json";
            if (contentType.isEmpty()) {
                contentType = null;
            }
            if (!"application/json".equals(contentType)) {
                notes.add("content type " + contentType);
            }
        }
        return new Request(method, path, authorization, contentType, body, String.join(", ", notes));
    }

    private String authorization(Random random, List<String> notes) {
        int r = random.nextInt(20);
        if (r < 8) {
            return "Bearer " + tokens.enterprise2();
        }
        if (r < 13) {
            return "Bearer " + tokens.camera();
        }
        if (r < 15) {
            notes.add("no token");
            return null;
        }
        if (r == 15) {
            notes.add("basic auth");
            return "Basic YWRtaW46Ym9yZGVyZ2F0ZS1kZW1v";
        }
        int i = random.nextInt(tokens.invalid().size());
        notes.add("bad token #" + i);
        return "Bearer " + tokens.invalid().get(i);
    }

    private String path(Operation op, Random random, List<String> notes) {
        String path = op.path();
        for (Operation.Param p : op.pathParams()) {
            String value;
            if (random.nextInt(3) == 0) {
                value = rawPathValue(random);
                notes.add("path " + p.name() + "=" + value);
            } else {
                value = encode(text(p.schema(), random));
            }
            path = path.replace("{" + p.name() + "}", value);
        }
        StringBuilder query = new StringBuilder();
        for (Operation.Param p : op.queryParams()) {
            if (random.nextBoolean()) {
                String value = random.nextInt(3) == 0 ? hostileString(random) : text(p.schema(), random);
                query.append(query.length() == 0 ? "?" : "&")
                        .append(p.name())
                        .append('=')
                        .append(encode(value));
            }
        }
        if (random.nextInt(15) == 0) {
            query.append(query.length() == 0 ? "?" : "&").append("unknown=").append(encode(hostileString(random)));
            notes.add("extra query parameter");
        }
        if (random.nextInt(30) == 0) {
            notes.add("traversal suffix");
            path = path + pick(random, List.of("/..", "/../../../etc/passwd", "/%2e%2e/%2e%2e/admin", "//", "/%00"));
        }
        return path + query;
    }

    private String rawPathValue(Random random) {
        return pick(
                random,
                List.of(
                        "..",
                        "%2e%2e",
                        "..%2f..%2fetc%2fpasswd",
                        "%00",
                        "%C3%28",
                        "%FF%FE",
                        "-1",
                        "0",
                        "99999999999999999999",
                        "1.5",
                        "1e3",
                        "%27%20OR%201%3D1",
                        "%3Cscript%3E",
                        "abc",
                        encode("🚚"),
                        "x".repeat(3000),
                        "DECLARATION",
                        "declaration",
                        "NOT_A_STEP"));
    }

    private byte[] body(JsonNode schema, Random random, List<String> notes) {
        int kind = random.nextInt(40);
        JsonNode value = schema == null ? nodes.objectNode() : instance(schema, random, 0);
        switch (kind) {
            case 0 -> {
                notes.add("deep nesting");
                int depth = 2000 + random.nextInt(20_000);
                return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                notes.add("deep objects");
                int depth = 2000 + random.nextInt(5000);
                return ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> {
                notes.add("invalid UTF-8");
                return withInvalidUtf8(bytes(value), random);
            }
            case 3 -> {
                notes.add("truncated JSON");
                byte[] b = bytes(value);
                return java.util.Arrays.copyOf(b, Math.max(0, b.length - 1 - random.nextInt(Math.max(1, b.length))));
            }
            case 4 -> {
                notes.add("not JSON");
                return pick(random, List.of("hello", "<xml/>", "a=b&c=d", "\u0000\u0001", "{,}", "[1,]", "{'a':1}"))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                notes.add("empty body");
                return new byte[0];
            }
            case 6 -> {
                notes.add("wrong top-level type");
                return pick(random, List.of("[]", "[{}]", "42", "\"text\"", "null", "true", "1e309"))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 7 -> {
                notes.add("huge array");
                ArrayNode array = nodes.arrayNode();
                int size = 10_000 + random.nextInt(100_000);
                for (int i = 0; i < size; i++) {
                    array.add(i);
                }
                setRandomField(value, array, random);
            }
            case 8 -> {
                notes.add("huge string");
                int size =
                        random.nextBoolean() ? 100_000 + random.nextInt(800_000) : 1_100_000 + random.nextInt(500_000);
                setRandomField(value, nodes.textNode("x".repeat(size)), random);
            }
            case 9 -> {
                notes.add("extreme numbers");
                String number = pick(random, List.of("1e309", "-1e309", "99999999999999999999999999", "-0.0"));
                return new String(bytes(value), StandardCharsets.UTF_8)
                        .replaceAll("(?<=[:\\[,])-?\\d+(\\.\\d+)?", number)
                        .getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                int mutations = 1 + random.nextInt(3);
                for (int i = 0; i < mutations; i++) {
                    mutate(value, random, notes);
                }
            }
        }
        return bytes(value);
    }

    private void mutate(JsonNode value, Random random, List<String> notes) {
        if (!(value instanceof ObjectNode object) || object.isEmpty()) {
            return;
        }
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(random.nextInt(fields.size()));
        switch (random.nextInt(6)) {
            case 0 -> {
                object.remove(field);
                notes.add("missing " + field);
            }
            case 1 -> {
                object.set(field, wrongType(object.get(field), random));
                notes.add("wrong type " + field);
            }
            case 2 -> {
                object.put("unexpected" + random.nextInt(100), hostileString(random));
                notes.add("extra field");
            }
            case 3 -> {
                object.put(field, hostileString(random));
                notes.add("hostile " + field);
            }
            case 4 -> {
                object.putNull(field);
                notes.add("null " + field);
            }
            default -> {
                JsonNode inner = object.get(field);
                if (inner.isObject() || inner.isArray() && inner.size() > 0) {
                    mutate(inner.isArray() ? inner.get(0) : inner, random, notes);
                } else {
                    object.put(field, hostileString(random));
                    notes.add("hostile " + field);
                }
            }
        }
    }

    private JsonNode wrongType(JsonNode current, Random random) {
        List<JsonNode> options = new ArrayList<>(List.of(
                nodes.textNode("not-" + random.nextInt(100)),
                nodes.numberNode(random.nextInt()),
                nodes.numberNode(random.nextDouble() * 1e12),
                nodes.booleanNode(random.nextBoolean()),
                nodes.arrayNode().add(1).add("two"),
                nodes.objectNode().put("x", 1)));
        options.removeIf(o -> current != null && o.getNodeType() == current.getNodeType());
        return options.get(random.nextInt(options.size()));
    }

    private void setRandomField(JsonNode value, JsonNode replacement, Random random) {
        if (value instanceof ObjectNode object && !object.isEmpty()) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            object.set(fields.get(random.nextInt(fields.size())), replacement);
        } else if (value instanceof ObjectNode object) {
            object.set("x", replacement);
        }
    }

    /** A plausible value for a schema: what a correct client would send. */
    JsonNode instance(JsonNode schema, Random random, int depth) {
        JsonNode s = resolve(schema);
        if (depth > 6) {
            return nodes.nullNode();
        }
        if (s.has("enum")) {
            JsonNode values = s.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it =
                                s.path("properties").fields();
                        it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    object.set(p.getKey(), instance(p.getValue(), random, depth + 1));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                int n = 1 + random.nextInt(2);
                for (int i = 0; i < n; i++) {
                    array.add(instance(s.path("items"), random, depth + 1));
                }
                yield array;
            }
            case "integer" -> nodes.numberNode(random.nextInt(5) == 0 ? -1 : 1 + random.nextInt(2000));
            case "number" -> nodes.numberNode(Math.round(random.nextDouble() * 100_000) / 100.0);
            case "boolean" -> nodes.booleanNode(random.nextBoolean());
            default -> nodes.textNode(text(s, random));
        };
    }

    private String text(JsonNode schema, Random random) {
        JsonNode s = resolve(schema);
        if (s.has("enum")) {
            JsonNode values = s.get("enum");
            return values.get(random.nextInt(values.size())).asText();
        }
        String type = s.path("type").asText("string");
        if (type.equals("integer") || type.equals("number")) {
            return String.valueOf(1 + random.nextInt(2000));
        }
        if ("date-time".equals(s.path("format").asText())) {
            return Instant.now().plus(Duration.ofHours(random.nextInt(48))).toString();
        }
        return pick(
                random,
                List.of(
                        // a series of its own: random plates in the shared gate must not crowd the matcher tests'
                        // candidates
                        "37LD-" + (100 + random.nextInt(900)) + "." + (10 + random.nextInt(90)),
                        "桂A" + (10000 + random.nextInt(90000)),
                        "CAM-L" + (1 + random.nextInt(4)) + "-IN",
                        "HN-CUS-1",
                        "fuzz text " + random.nextInt(1000),
                        "KGM",
                        "08106000"));
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            s = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (s.has("allOf") && s.get("allOf").size() > 0) {
            return resolve(s.get("allOf").get(0));
        }
        if (s.has("oneOf") && s.get("oneOf").size() > 0) {
            return resolve(s.get("oneOf").get(0));
        }
        return s;
    }

    private String hostileString(Random random) {
        return random.nextInt(10) == 0 ? "x".repeat(random.nextInt(5000)) : pick(random, HOSTILE);
    }

    private byte[] bytes(JsonNode value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] withInvalidUtf8(byte[] body, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = body.length == 0 ? 0 : body.length / 2;
        String text = new String(body, StandardCharsets.UTF_8);
        int quote = text.indexOf(":\"");
        if (quote > 0) {
            at = text.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8).length;
        }
        out.write(body, 0, at);
        byte[][] bad = {
            {(byte) 0xC3, (byte) 0x28},
            {(byte) 0xFF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF}
        };
        out.writeBytes(bad[random.nextInt(bad.length)]);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
