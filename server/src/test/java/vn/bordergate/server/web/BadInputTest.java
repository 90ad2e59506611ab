package vn.bordergate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.RawResponse;
import vn.bordergate.common.dto.ApiError;
import vn.bordergate.common.dto.AuditEntryDto;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.DriverDto;
import vn.bordergate.common.dto.FieldProblem;
import vn.bordergate.common.dto.GoodsLineDto;
import vn.bordergate.common.dto.MedicalDeclarationDto;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.server.support.TestGate;

/**
 * Bad input of every kind gets a 4xx whose JSON {@code ApiError} says what is wrong: never a 5xx,
 * never a stack trace, and nothing half written.
 */
class BadInputTest {
    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = GateJson.newMapper();
    private static final String SQL = "'; DROP TABLE crossing; --";
    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final List<String> ACCOUNTS =
            List.of("admin", "supervisor", "customs", "borderguard", "medical", "gate", "fees", "camera", "enterprise");

    private static TestGate gate;
    /** A crossing declared by {@code enterprise}, still DECLARED: a valid decision on it would pass. */
    private static DeclarationDto fixture;

    private static String cameraCode;

    @BeforeAll
    static void prepare() throws InterruptedException {
        gate = TestGate.shared();
        gate.server().awaitDemoDay(); // the demo day's own writes must not count as half writes below
        ACCOUNTS.forEach(gate::as); // log in now: a login is audited, and must not count as a half write below
        fixture = gate.declare();
        cameraCode = gate.as("admin").anpr().cameras().get(0).code();
    }

    /** One bad request and what its answer must say. */
    record Case(
            String user,
            String method,
            Function<DeclarationDto, String> path,
            String contentType,
            Function<DeclarationDto, byte[]> body,
            Map<String, String> headers,
            Set<Integer> statuses,
            List<String> mentions) {

        RawResponse send() {
            GateClient client = user == null ? gate.anonymous() : gate.as(user);
            return client.sendRaw(method, path.apply(fixture), contentType, body.apply(fixture), headers);
        }
    }

    // ---- the cases

    static Stream<Named<Case>> cases() {
        List<Named<Case>> cases = new ArrayList<>();

        // malformed JSON
        cases.add(declare(
                "malformed JSON: truncated half way",
                raw(f -> {
                    String valid = new String(declarationBytes(d -> {}), StandardCharsets.UTF_8);
                    return valid.substring(0, valid.length() / 2);
                }),
                400,
                "JSON"));
        cases.add(declare(
                "malformed JSON: truncated after a comma", raw(f -> "{\"direction\":\"EXPORT\","), 400, "JSON"));
        cases.add(declare(
                "malformed JSON: trailing garbage",
                raw(f -> new String(declarationBytes(d -> {}), StandardCharsets.UTF_8) + " }{ garbage"),
                400,
                "JSON"));
        cases.add(declare(
                "malformed JSON: not JSON at all", raw(f -> "direction=EXPORT&tractorPlate=29H-335.78"), 400, "JSON"));
        cases.add(declare("malformed JSON: single-quoted names", raw(f -> "{'direction':'EXPORT'}"), 400, "JSON"));
        cases.add(declare("empty body", f -> new byte[0], 400, "body"));
        cases.add(declare("JSON null as the body", raw(f -> "null"), 400, "body"));
        cases.add(declare(
                "JSON array instead of an object",
                raw(f -> "[" + new String(declarationBytes(d -> {}), StandardCharsets.UTF_8) + "]"),
                400,
                "object"));
        cases.add(declare("JSON string instead of an object", raw(f -> "\"EXPORT\""), 400, "object"));

        // missing required fields
        for (String field : List.of("direction", "tractorPlate", "vehicleType", "driver", "goods", "expectedArrival")) {
            cases.add(declare("missing " + field, declaration(d -> d.remove(field)), 400, field));
            cases.add(declare("null " + field, declaration(d -> d.putNull(field)), 400, field));
        }
        cases.add(declare(
                "missing driver.fullName",
                declaration(d -> ((ObjectNode) d.get("driver")).remove("fullName")),
                400,
                "driver.fullName"));
        cases.add(declare(
                "missing goods[0].hsCode", declaration(d -> goodsLine(d).remove("hsCode")), 400, "goods[0].hsCode"));
        cases.add(declare("no goods lines", declaration(d -> d.putArray("goods")), 400, "goods"));
        cases.add(declare(
                "a null goods line", declaration(d -> d.putArray("goods").addNull()), 400, "goods"));

        // oversized fields
        cases.add(declare(
                "tractorPlate of 5000 characters",
                declaration(d -> d.put("tractorPlate", "2".repeat(5000))),
                400,
                "tractorPlate"));
        cases.add(declare(
                "goods description of 10 000 characters",
                declaration(d -> goodsLine(d).put("description", "d".repeat(10_000))),
                400,
                "goods[0].description"));
        cases.add(declare(
                "51 goods lines",
                declaration(d -> {
                    ArrayNode goods = (ArrayNode) d.get("goods");
                    ObjectNode line = goodsLine(d);
                    for (int i = 1; i < 51; i++) {
                        goods.add(line.deepCopy());
                    }
                }),
                400,
                "goods",
                "50"));
        cases.add(declare(
                "driver name of 5000 characters",
                declaration(d -> ((ObjectNode) d.get("driver")).put("fullName", "N".repeat(5000))),
                400,
                "driver.fullName"));
        cases.add(declare(
                "medical notes of 10 000 characters",
                declaration(d -> ((ObjectNode) d.get("medical")).put("notes", "n".repeat(10_000))),
                400,
                "medical.notes"));
        cases.add(declare(
                "quantity with 20 integer digits",
                declaration(d -> goodsLine(d).put("quantity", new java.math.BigDecimal("1" + "0".repeat(19)))),
                400,
                "goods[0].quantity"));
        cases.add(declare(
                "quantity with 2000 digits",
                raw(f -> new String(declarationBytes(d -> goodsLine(d).put("quantity", 12000)), StandardCharsets.UTF_8)
                        .replace("12000", "1".repeat(2000))),
                400,
                "quantity|number"));

        // unknown enum values
        cases.add(declare(
                "direction SIDEWAYS", declaration(d -> d.put("direction", "SIDEWAYS")), 400, "direction", "SIDEWAYS"));
        cases.add(declare(
                "quarantine MAYBE",
                declaration(d -> goodsLine(d).put("quarantine", "MAYBE")),
                400,
                "goods[0].quarantine",
                "MAYBE"));
        cases.add(declare(
                "vehicleType given as a number", declaration(d -> d.put("vehicleType", 1)), 400, "vehicleType"));

        // wrong types
        cases.add(declare(
                "quantity \"lots\"",
                declaration(d -> goodsLine(d).put("quantity", "lots")),
                400,
                "goods[0].quantity",
                "lots"));
        cases.add(declare(
                "expectedArrival \"tomorrow\"",
                declaration(d -> d.put("expectedArrival", "tomorrow")),
                400,
                "expectedArrival",
                "tomorrow"));
        cases.add(declare(
                "twoWayTransport \"yes\"", declaration(d -> d.put("twoWayTransport", "yes")), 400, "twoWayTransport"));
        cases.add(
                declare("driver given as a string", declaration(d -> d.put("driver", "Nguyễn Văn A")), 400, "driver"));
        cases.add(declare(
                "goods given as an object",
                declaration(d -> d.set("goods", goodsLine(d).deepCopy())),
                400,
                "goods"));
        cases.add(declare(
                "tractorPlate given as an object",
                declaration(d -> d.putObject("tractorPlate").put("text", "29H-335.78")),
                400,
                "tractorPlate"));

        // unknown fields
        cases.add(
                declare("unknown extra field", declaration(d -> d.put("colour", "red")), 400, "colour", "not a field"));
        cases.add(declare(
                "unknown field inside driver",
                declaration(d -> ((ObjectNode) d.get("driver")).put("bloodType", "O")),
                400,
                "driver.bloodType"));

        // invalid plates
        for (String plate : List.of("ABC", "29I-123.45", "中A12345", SQL)) {
            cases.add(declare(
                    "tractorPlate \"" + plate + "\"",
                    declaration(d -> d.put("tractorPlate", plate)),
                    400,
                    "tractorPlate"));
        }
        cases.add(declare(
                "a trailer plate (12R-012.34) as tractorPlate",
                declaration(d -> d.put("tractorPlate", "12R-012.34")),
                400,
                "tractorPlate",
                "trailer"));
        cases.add(declare(
                "a Chinese trailer plate (桂A1234挂) as tractorPlate",
                declaration(d -> d.put("tractorPlate", "桂A1234挂")),
                400,
                "tractorPlate",
                "trailer"));
        cases.add(declare(
                "a truck plate as trailerPlate",
                declaration(d -> d.put("trailerPlate", TestGate.uniqueVietnamesePlate())),
                400,
                "trailerPlate"));

        // other values out of range
        cases.add(declare(
                "expectedArrival a year ago",
                declaration(d -> d.put(
                        "expectedArrival",
                        Instant.now().minus(Duration.ofDays(365)).toString())),
                400,
                "expectedArrival"));
        cases.add(declare(
                "expectedArrival at the end of time",
                declaration(d -> d.put("expectedArrival", "+1000000000-12-31T23:59:59Z")),
                400,
                "expectedArrival"));
        cases.add(declare(
                "driver temperature 99 °C",
                declaration(d -> ((ObjectNode) d.get("medical")).put("temperatureC", 99)),
                400,
                "medical.temperatureC"));
        cases.add(declare(
                "driver nationality \"vietnam\"",
                declaration(d -> ((ObjectNode) d.get("driver")).put("nationality", "vietnam")),
                400,
                "driver.nationality"));
        cases.add(declare(
                "HS code with letters",
                declaration(d -> goodsLine(d).put("hsCode", "08A06000")),
                400,
                "goods[0].hsCode"));
        cases.add(declare(
                "negative gross weight",
                declaration(d -> goodsLine(d).put("grossWeightKg", -1)),
                400,
                "goods[0].grossWeightKg"));

        // size, content type, encoding, nesting
        cases.add(Named.of(
                "a 10 MB body",
                new Case(
                        "enterprise",
                        "POST",
                        f -> "/api/declarations",
                        JSON,
                        f -> tenMegabytesOfJson(),
                        Map.of(),
                        Set.of(413),
                        List.of("large"))));
        cases.add(Named.of(
                "Content-Type text/plain",
                new Case(
                        "enterprise",
                        "POST",
                        f -> "/api/declarations",
                        "text/plain",
                        declaration(d -> {}),
                        Map.of(),
                        Set.of(415),
                        List.of("application/json"))));
        cases.add(Named.of(
                "Content-Type application/xml",
                new Case(
                        "enterprise",
                        "POST",
                        f -> "/api/declarations",
                        "application/xml",
                        raw(f -> "<declaration><direction>EXPORT</direction></declaration>"),
                        Map.of(),
                        Set.of(415),
                        List.of("application/json"))));
        cases.add(Named.of(
                "no Content-Type",
                new Case(
                        "enterprise",
                        "POST",
                        f -> "/api/declarations",
                        null,
                        declaration(d -> {}),
                        Map.of(),
                        Set.of(415),
                        List.of("application/json"))));
        cases.add(Named.of(
                "malformed Content-Type (\"application\")",
                new Case(
                        "enterprise",
                        "POST",
                        f -> "/api/declarations",
                        "application",
                        declaration(d -> {}),
                        Map.of(),
                        Set.of(400, 415),
                        List.of("Content-Type|application/json"))));
        cases.add(declare("invalid UTF-8 bytes", f -> invalidUtf8(), 400, "UTF-8|JSON"));
        cases.add(declare(
                "arrays nested 10 000 levels deep",
                raw(f -> "[".repeat(10_000) + "]".repeat(10_000)),
                400,
                "JSON|nest"));
        cases.add(declare(
                "objects nested 10 000 levels deep in medical",
                raw(f -> {
                    String valid = new String(declarationBytes(d -> d.remove("medical")), StandardCharsets.UTF_8);
                    return valid.substring(0, valid.length() - 1) + ",\"medical\":" + "{\"notes\":".repeat(10_000) + "1"
                            + "}".repeat(10_000) + "}";
                }),
                400,
                "medical|JSON|nest"));
        cases.add(Named.of(
                "Idempotency-Key of 200 characters",
                new Case(
                        "enterprise",
                        "POST",
                        f -> "/api/declarations",
                        JSON,
                        declaration(d -> {}),
                        Map.of("Idempotency-Key", "k".repeat(200)),
                        Set.of(400),
                        List.of("Idempotency-Key"))));

        // correcting a declaration
        cases.add(Named.of(
                "resubmit: malformed JSON",
                new Case(
                        "enterprise",
                        "PUT",
                        f -> "/api/declarations/" + f.id(),
                        JSON,
                        raw(f -> "{\"direction\":"),
                        Map.of(),
                        Set.of(400),
                        List.of("JSON"))));
        cases.add(Named.of(
                "resubmit: invalid plate",
                new Case(
                        "enterprise",
                        "PUT",
                        f -> "/api/declarations/" + f.id(),
                        JSON,
                        declaration(d -> d.put("tractorPlate", "29I-123.45")),
                        Map.of(),
                        Set.of(400),
                        List.of("tractorPlate"))));
        cases.add(Named.of(
                "resubmit: 51 goods lines",
                new Case(
                        "enterprise",
                        "PUT",
                        f -> "/api/declarations/" + f.id(),
                        JSON,
                        declaration(d -> {
                            ArrayNode goods = (ArrayNode) d.get("goods");
                            for (int i = 1; i < 51; i++) {
                                goods.add(goodsLine(d).deepCopy());
                            }
                        }),
                        Map.of(),
                        Set.of(400),
                        List.of("goods"))));

        // step decisions, as the step's own agency: only the input is wrong
        cases.add(decide("step path segment TELEPORT", "TELEPORT", "{\"outcome\":\"PASS\"}", 400, "step", "TELEPORT"));
        cases.add(decide(
                "step path segment with SQL", "DECLARATION'%20OR%20'1'='1", "{\"outcome\":\"PASS\"}", 400, "step"));
        cases.add(decide("outcome MAYBE", "DECLARATION", "{\"outcome\":\"MAYBE\"}", 400, "outcome", "MAYBE"));
        cases.add(decide("outcome missing", "DECLARATION", "{}", 400, "outcome"));
        cases.add(decide("outcome as a number", "DECLARATION", "{\"outcome\":0}", 400, "outcome"));
        cases.add(decide("decision: truncated JSON", "DECLARATION", "{\"outcome\":\"PA", 400, "JSON"));
        cases.add(decide("decision: empty body", "DECLARATION", "", 400, "body"));
        cases.add(decide(
                "decision: reason of 600 characters",
                "DECLARATION",
                "{\"outcome\":\"HOLD\",\"reason\":\"" + "r".repeat(600) + "\"}",
                400,
                "reason"));
        cases.add(decide(
                "decision: stationCode of 5000 characters",
                "DECLARATION",
                "{\"outcome\":\"PASS\",\"stationCode\":\"" + "S".repeat(5000) + "\"}",
                400,
                "stationCode"));
        cases.add(decide(
                "decision: unknown field", "DECLARATION", "{\"outcome\":\"PASS\",\"override\":true}", 400, "override"));
        cases.add(Named.of(
                "decision: Content-Type text/plain",
                new Case(
                        "customs",
                        "POST",
                        f -> "/api/crossings/" + f.crossingId() + "/steps/DECLARATION/decision",
                        "text/plain",
                        raw(f -> "PASS"),
                        Map.of(),
                        Set.of(415),
                        List.of("application/json"))));
        cases.add(officer(
                "release-hold: note of 10 000 characters",
                "customs",
                f -> "/api/crossings/" + f.crossingId() + "/steps/DECLARATION/release-hold",
                "{\"note\":\"" + "n".repeat(10_000) + "\"}",
                400,
                "note"));
        cases.add(officer(
                "release: stationCode of 100 characters",
                "borderguard",
                f -> "/api/crossings/" + f.crossingId() + "/release",
                "{\"stationCode\":\"" + "S".repeat(100) + "\"}",
                400,
                "stationCode"));

        // weighings, fees, plate reads, accounts
        cases.add(officer(
                "weighing: grossKg \"heavy\"",
                "gate",
                f -> "/api/crossings/" + f.crossingId() + "/weighings",
                "{\"grossKg\":\"heavy\",\"scaleCode\":\"SCALE-1\"}",
                400,
                "grossKg"));
        cases.add(officer(
                "weighing: negative grossKg",
                "gate",
                f -> "/api/crossings/" + f.crossingId() + "/weighings",
                "{\"grossKg\":-5,\"scaleCode\":\"SCALE-1\"}",
                400,
                "grossKg"));
        cases.add(officer(
                "weighing: grossKg of a billion kg",
                "gate",
                f -> "/api/crossings/" + f.crossingId() + "/weighings",
                "{\"grossKg\":1000000000,\"scaleCode\":\"SCALE-1\"}",
                400,
                "grossKg"));
        cases.add(officer(
                "weighing: scaleCode missing",
                "gate",
                f -> "/api/crossings/" + f.crossingId() + "/weighings",
                "{\"grossKg\":25000}",
                400,
                "scaleCode"));
        cases.add(officer(
                "fee: kind NOPE",
                "fees",
                f -> "/api/crossings/" + f.crossingId() + "/fees",
                "{\"kind\":\"NOPE\",\"amountVnd\":500000}",
                400,
                "kind",
                "NOPE"));
        cases.add(officer(
                "fee: amountVnd with a fraction",
                "fees",
                f -> "/api/crossings/" + f.crossingId() + "/fees",
                "{\"kind\":\"INFRASTRUCTURE\",\"amountVnd\":0.5}",
                400,
                "amountVnd"));
        cases.add(officer(
                "fee: negative amountVnd",
                "fees",
                f -> "/api/crossings/" + f.crossingId() + "/fees",
                "{\"kind\":\"INFRASTRUCTURE\",\"amountVnd\":-1}",
                400,
                "amountVnd"));
        cases.add(officer(
                "plate read: unknown camera",
                "camera",
                f -> "/api/plate-reads",
                "{\"cameraCode\":\"NO-SUCH-CAM\",\"text\":\"29H-335.78\",\"confidence\":0.9}",
                400,
                "cameraCode"));
        cases.add(officer(
                "plate read: SQL as the camera code",
                "camera",
                f -> "/api/plate-reads",
                "{\"cameraCode\":\"' OR '1'='1\",\"text\":\"29H-335.78\",\"confidence\":0.9}",
                400,
                "cameraCode"));
        cases.add(officer(
                "plate read: confidence \"high\"",
                "camera",
                f -> "/api/plate-reads",
                "{\"cameraCode\":\"" + cameraCode + "\",\"text\":\"29H-335.78\",\"confidence\":\"high\"}",
                400,
                "confidence"));
        cases.add(officer(
                "plate read: confidence 7",
                "camera",
                f -> "/api/plate-reads",
                "{\"cameraCode\":\"" + cameraCode + "\",\"text\":\"29H-335.78\",\"confidence\":7}",
                400,
                "confidence"));
        cases.add(officer(
                "plate read: text of 100 characters",
                "camera",
                f -> "/api/plate-reads",
                "{\"cameraCode\":\"" + cameraCode + "\",\"text\":\"" + "2".repeat(100) + "\",\"confidence\":0.9}",
                400,
                "text"));
        cases.add(officer(
                "plate read: readAt \"now\"",
                "camera",
                f -> "/api/plate-reads",
                "{\"cameraCode\":\"" + cameraCode + "\",\"text\":\"29H-335.78\",\"confidence\":0.9,\"readAt\":\"now\"}",
                400,
                "readAt"));
        cases.add(officer(
                "new user: role GOD",
                "admin",
                f -> "/api/users",
                "{\"username\":\"bad-input-user\",\"password\":\"a-long-enough-password\","
                        + "\"displayName\":\"Bad Input\",\"role\":\"GOD\"}",
                400,
                "role",
                "GOD"));
        cases.add(officer(
                "new user: SQL as the username",
                "admin",
                f -> "/api/users",
                "{\"username\":\"x'); DROP TABLE user_account; --\",\"password\":\"a-long-enough-password\","
                        + "\"displayName\":\"Bad Input\",\"role\":\"OFFICER\",\"agency\":\"CUSTOMS\"}",
                400,
                "username"));
        cases.add(officer(
                "new enterprise: malformed e-mail",
                "admin",
                f -> "/api/enterprises",
                "{\"taxCode\":\"0109999999\",\"name\":\"Bad Input Co\",\"country\":\"VN\","
                        + "\"contactEmail\":\"not-an-email\"}",
                400,
                "contactEmail"));
        cases.add(officer(
                "login: username of 5000 characters",
                null,
                f -> "/api/auth/login",
                "{\"username\":\"" + "u".repeat(5000) + "\",\"password\":\"x\"}",
                400,
                "username"));
        cases.add(officer("login: truncated JSON", null, f -> "/api/auth/login", "{\"username\":", 400, "JSON"));

        // query parameters
        cases.add(
                get("crossings?status= with SQL", "customs", "/api/crossings?status=%27%20OR%201%3D1%20--", "status"));
        cases.add(get("crossings?step=TELEPORT", "customs", "/api/crossings?step=TELEPORT", "step"));
        cases.add(get("crossings?limit=lots", "customs", "/api/crossings?limit=lots", "limit"));
        cases.add(get("crossings?limit=100000", "customs", "/api/crossings?limit=100000", "limit"));
        cases.add(get("declarations?limit=0", "enterprise", "/api/declarations?limit=0", "limit"));
        cases.add(get("declarations?status=SIDEWAYS", "enterprise", "/api/declarations?status=SIDEWAYS", "status"));
        cases.add(get("audit?afterId=x", "admin", "/api/audit?afterId=x", "afterId"));
        cases.add(get(
                "plate-reads?limit=99999999999999999999",
                "gate",
                "/api/plate-reads?limit=99999999999999999999",
                "limit"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("bad input gets a 4xx ApiError that says what is wrong")
    void badInputIsRefusedWithAClearJsonError(Case bad) {
        RawResponse response = bad.send();

        assertThat(bad.statuses()).as("status (body: %s)", response.body()).contains(response.status());
        ApiError error =
                ErrorAnswers.clientError(bad.method() + " " + bad.path().apply(fixture), response);
        String said = error.message() + " "
                + error.problems().stream()
                        .map(p -> p.field() + " " + p.problem())
                        .collect(Collectors.joining(" "));
        for (String mention : bad.mentions()) {
            assertThat(Arrays.stream(mention.split("\\|")).anyMatch(m -> contains(said, m)))
                    .as("the error names the problem (%s): %s", mention.replace("|", " or "), said)
                    .isTrue();
        }
        assertThat(error.message().length())
                .as("the message is a sentence, not an echo of the input")
                .isLessThan(1000);
    }

    @Test
    void nothingIsHalfWrittenByABatchOfBadRequests() {
        Snapshot before = Snapshot.take();

        List<String> answered = new ArrayList<>();
        cases().forEach(named -> {
            RawResponse response = named.getPayload().send();
            answered.add(response.status() + " " + named.getName());
        });

        assertThat(answered).allSatisfy(line -> assertThat(line).startsWith("4"));
        Snapshot after = Snapshot.take();
        assertThat(after.declarations).as("declarations of `enterprise`").isEqualTo(before.declarations);
        assertThat(after.auditAfter(before.lastAuditId))
                .as("audit entries written by bad requests")
                .isEmpty();
        assertThat(after.newestPlateRead).as("newest plate read").isEqualTo(before.newestPlateRead);
        assertThat(after.weighingsAndFees)
                .as("weighings and fees of the crossing")
                .isEqualTo(before.weighingsAndFees);
        assertThat(after.users).as("accounts").isEqualTo(before.users);
        assertThat(after.enterprises).as("enterprises").isEqualTo(before.enterprises);
    }

    @Test
    void sqlLookingTextIsStoredVerbatimAndTheTablesStillWork() {
        String plate = TestGate.uniqueVietnamesePlate();
        DeclarationRequest template = TestGate.declaration(plate, Direction.EXPORT, QuarantineKind.PLANT);
        String notes = "Robert'); DELETE FROM declaration WHERE '1'='1";
        DeclarationRequest request = new DeclarationRequest(
                null,
                template.direction(),
                template.tractorPlate(),
                null,
                template.vehicleType(),
                new DriverDto(SQL, "C-1' OR '1'='1", "VN", "1; SELECT 1"),
                List.of(new GoodsLineDto(
                        "08106000",
                        "\" OR \"\"=\" /* durian */",
                        new java.math.BigDecimal("10"),
                        "KGM",
                        new java.math.BigDecimal("10.5"),
                        QuarantineKind.PLANT)),
                template.expectedArrival(),
                false,
                new MedicalDeclarationDto(new java.math.BigDecimal("36.6"), false, notes));

        RawResponse answer = gate.as("enterprise").send("POST", "/api/declarations", request);

        if (answer.isSuccess()) {
            assertThat(answer.status()).isEqualTo(201);
            DeclarationDto stored = gate.as("enterprise").declaration(readId(answer));
            assertThat(stored.driver().fullName()).isEqualTo(SQL);
            assertThat(stored.driver().documentNumber()).isEqualTo("C-1' OR '1'='1");
            assertThat(stored.driver().phone()).isEqualTo("1; SELECT 1");
            assertThat(stored.goods().get(0).description()).isEqualTo("\" OR \"\"=\" /* durian */");
            assertThat(stored.medical().notes()).isEqualTo(notes);
            List<CrossingDto> declared = gate.as("customs").crossings(CrossingStatus.DECLARED, null, 1000);
            assertThat(declared)
                    .filteredOn(c -> c.id() == stored.crossingId())
                    .singleElement()
                    .satisfies(c -> assertThat(c.driverName()).isEqualTo(SQL));
        } else {
            ErrorAnswers.clientError("SQL-looking driver name", answer);
        }

        // the crossing table (and the rest) still work afterwards
        DeclarationDto next = gate.declare();
        assertThat(gate.as("customs").crossings(null, null, 1000))
                .extracting(CrossingDto::id)
                .contains(next.crossingId());
        assertThat(gate.as("enterprise").declaration(next.id()).status()).isEqualTo(CrossingStatus.DECLARED);
    }

    @Test
    void sqlAsTheLoginDoesNotLogIn() {
        RawResponse answer = gate.anonymous()
                .send("POST", "/api/auth/login", Map.of("username", "admin' --", "password", "' OR '1'='1"));
        assertThat(answer.status()).isIn(400, 401);
        ErrorAnswers.clientError("login with SQL", answer);
        assertThat(answer.body()).doesNotContain("token");
    }

    @Test
    void anEmptyObjectIsAnsweredWithEveryMissingRequiredField() {
        RawResponse answer = gate.as("enterprise").sendRaw("POST", "/api/declarations", JSON, bytes("{}"));

        ApiError error = ErrorAnswers.clientError("{} as a declaration", answer);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.problems())
                .extracting(FieldProblem::field)
                .as("%s", error)
                .contains("direction", "tractorPlate", "vehicleType", "driver", "goods", "expectedArrival");
    }

    @Test
    void controlCharactersInALongIdempotentDeclarationAreStoredOrRefusedNeverA5xx() {
        // 50 goods lines whose descriptions are valid (200 characters) but escape to six characters each in JSON
        String description = "a" + "\u0001".repeat(198) + "a";
        byte[] body = declarationBytes(d -> {
            ArrayNode goods = d.putArray("goods");
            for (int i = 0; i < 50; i++) {
                goods.add(MAPPER.valueToTree(new GoodsLineDto(
                        "08106000",
                        description,
                        new java.math.BigDecimal("1"),
                        "KGM",
                        new java.math.BigDecimal("1"),
                        QuarantineKind.NONE)));
            }
        });
        String key = "bad-input-" + System.nanoTime();
        Snapshot before = Snapshot.take();

        RawResponse first =
                gate.as("enterprise").sendRaw("POST", "/api/declarations", JSON, body, Map.of("Idempotency-Key", key));

        if (first.isSuccess()) {
            RawResponse retry = gate.as("enterprise")
                    .sendRaw("POST", "/api/declarations", JSON, body, Map.of("Idempotency-Key", key));
            assertThat(retry.status()).as("the retry: %s", retry.body()).isEqualTo(first.status());
            assertThat(readId(retry)).isEqualTo(readId(first));
        } else {
            ErrorAnswers.clientError("declaration with control characters", first);
            assertThat(Snapshot.take().declarations).isEqualTo(before.declarations);
        }
    }

    @Test
    void aTenMegabyteBodySentInChunksIsRefusedWith413() throws Exception {
        Snapshot before = Snapshot.take();
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(gate.uri() + "/api/declarations"))
                .header("Authorization", "Bearer " + gate.as("enterprise").token())
                .header("Content-Type", JSON)
                .header("Accept", JSON)
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tenMegabytesOfJson())))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        RawResponse raw = new RawResponse(response.statusCode(), response.body(), response.headers());
        assertThat(raw.status()).as(raw.body()).isEqualTo(413);
        ErrorAnswers.clientError("chunked 10 MB body", raw);
        assertThat(Snapshot.take().declarations).isEqualTo(before.declarations);
    }

    // ---- state before and after

    private record Snapshot(
            List<String> declarations,
            long lastAuditId,
            Long newestPlateRead,
            List<String> weighingsAndFees,
            int users,
            int enterprises) {

        static Snapshot take() {
            List<String> declarations = gate.as("enterprise").declarations(null, 1000).stream()
                    .map(d -> d.id() + "/" + d.revision() + "/" + d.status() + "/" + d.tractorPlate())
                    .sorted()
                    .toList();
            long lastAudit = 0;
            for (List<AuditEntryDto> page = gate.as("admin").admin().audit(0L, 1000);
                    !page.isEmpty();
                    page = gate.as("admin").admin().audit(lastAudit, 1000)) {
                lastAudit = page.get(page.size() - 1).id();
            }
            List<PlateReadDto> reads = gate.as("gate").anpr().plateReads(1);
            List<String> scaleAndFees = new ArrayList<>();
            gate.as("gate").facts().weighings(fixture.crossingId()).forEach(w -> scaleAndFees.add("w" + w.id()));
            gate.as("fees").facts().fees(fixture.crossingId()).forEach(f -> scaleAndFees.add("f" + f.id()));
            return new Snapshot(
                    declarations,
                    lastAudit,
                    reads.isEmpty() ? null : reads.get(0).id(),
                    scaleAndFees,
                    gate.as("admin").admin().users().size(),
                    gate.as("admin").enterprises().size());
        }

        List<AuditEntryDto> auditAfter(long id) {
            return gate.as("admin").admin().audit(id, 1000);
        }
    }

    // ---- building requests

    private static Named<Case> declare(String name, Function<DeclarationDto, byte[]> body, int status, String... says) {
        return Named.of(
                name,
                new Case(
                        "enterprise",
                        "POST",
                        f -> "/api/declarations",
                        JSON,
                        body,
                        Map.of(),
                        Set.of(status),
                        List.of(says)));
    }

    private static Named<Case> decide(String name, String step, String body, int status, String... says) {
        return officer(
                name,
                "customs",
                f -> "/api/crossings/" + f.crossingId() + "/steps/" + step + "/decision",
                body,
                status,
                says);
    }

    private static Named<Case> officer(
            String name, String user, Function<DeclarationDto, String> path, String body, int status, String... says) {
        return Named.of(
                name, new Case(user, "POST", path, JSON, f -> bytes(body), Map.of(), Set.of(status), List.of(says)));
    }

    private static Named<Case> get(String name, String user, String path, String says) {
        return Named.of(name, new Case(user, "GET", f -> path, null, f -> null, Map.of(), Set.of(400), List.of(says)));
    }

    /** A valid declaration of a fresh plate, as a JSON tree, changed by {@code edit}. */
    private static Function<DeclarationDto, byte[]> declaration(Consumer<ObjectNode> edit) {
        return f -> declarationBytes(edit);
    }

    private static byte[] declarationBytes(Consumer<ObjectNode> edit) {
        ObjectNode tree = MAPPER.valueToTree(
                TestGate.declaration(TestGate.uniqueVietnamesePlate(), Direction.EXPORT, QuarantineKind.PLANT));
        edit.accept(tree);
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode goodsLine(ObjectNode declaration) {
        return (ObjectNode) declaration.get("goods").get(0);
    }

    private static Function<DeclarationDto, byte[]> raw(Function<DeclarationDto, String> text) {
        return f -> bytes(text.apply(f));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A declaration whose driver name holds bytes that are not UTF-8 (a lone 0xC3, then 0xFF 0xFE). */
    private static byte[] invalidUtf8() {
        String marker = "@@NAME@@";
        String text = new String(
                declarationBytes(d -> ((ObjectNode) d.get("driver")).put("fullName", marker)), StandardCharsets.UTF_8);
        int at = text.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(text.substring(0, at)));
        out.writeBytes(new byte[] {'N', (byte) 0xC3, '(', (byte) 0xFF, (byte) 0xFE, 'A'});
        out.writeBytes(bytes(text.substring(at + marker.length())));
        return out.toByteArray();
    }

    /**
     * A syntactically valid declaration of 10 MB: its goods description holds 10 MB of text, so a server
     * that reads the body to the end (instead of refusing it by its size) sees a well-formed request.
     */
    private static byte[] tenMegabytesOfJson() {
        String marker = "@@BIG@@";
        String valid =
                new String(declarationBytes(d -> goodsLine(d).put("description", marker)), StandardCharsets.UTF_8);
        int at = valid.indexOf(marker);
        StringBuilder big = new StringBuilder(TEN_MB + valid.length());
        big.append(valid, 0, at).append("x".repeat(TEN_MB)).append(valid, at + marker.length(), valid.length());
        return bytes(big.toString());
    }

    private static long readId(RawResponse response) {
        try {
            return MAPPER.readTree(response.body()).path("id").asLong();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static boolean contains(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }
}
