package vn.bordergate.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.LoginRequest;
import vn.bordergate.common.dto.LoginResponse;
import vn.bordergate.common.dto.MatchCandidateDto;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.dto.MedicalDeclarationDto;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.OverstayAlertDto;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.dto.QueueSummaryDto;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.dto.StepStatusDto;
import vn.bordergate.common.dto.UserDto;
import vn.bordergate.common.event.CameraStatusEvent;
import vn.bordergate.common.event.CrossingChangedEvent;
import vn.bordergate.common.event.EventEnvelope;
import vn.bordergate.common.event.GateEvent;
import vn.bordergate.common.event.OverstayAlertEvent;
import vn.bordergate.common.event.PlateReadEvent;
import vn.bordergate.common.event.QueueChangedEvent;
import vn.bordergate.common.event.StepConfirmedEvent;
import vn.bordergate.common.event.VehicleCalledEvent;
import vn.bordergate.common.plate.PlateCountry;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;

class GateJsonTest {
    private static final Instant SENT = Instant.parse("2025-03-01T08:30:00.123Z");
    private static final Instant DECIDED = Instant.parse("2025-03-01T08:12:45Z");

    private final ObjectMapper strict = GateJson.newMapper();
    private final ObjectMapper client = GateJson.newClientMapper();

    private static StepStatusDto step(Step step, StepState state) {
        return new StepStatusDto(
                step,
                step.number(),
                step.agency(),
                state,
                state == StepState.PENDING
                        ? null
                        : "officer." + step.agency().name().toLowerCase(),
                state == StepState.PENDING ? null : "HN-01",
                state == StepState.PENDING ? null : DECIDED,
                state == StepState.HELD ? "kiểm tra lại giấy tờ" : null);
    }

    private static CrossingDto crossing() {
        return new CrossingDto(
                42L,
                7L,
                "TK-2025-000123",
                3L,
                "Công ty TNHH Nông sản Lạng Sơn",
                Direction.EXPORT,
                "12C-123.45",
                "12R-012.34",
                "Nguyễn Văn Đức",
                true,
                false,
                CrossingStatus.HELD,
                List.of(
                        step(Step.DECLARATION, StepState.PASSED),
                        step(Step.TRANSPORT, StepState.PASSED),
                        step(Step.VEHICLE_CONTROL, StepState.PASSED),
                        step(Step.MEDICAL_QUARANTINE, StepState.HELD),
                        step(Step.BORDER_CONTROL, StepState.PENDING),
                        step(Step.PLANT_ANIMAL_QUARANTINE, StepState.PENDING),
                        step(Step.TRANSSHIPMENT, StepState.PENDING),
                        step(Step.FEE_COLLECTION, StepState.PENDING)),
                Instant.parse("2025-03-01T07:00:00Z"),
                Instant.parse("2025-03-01T07:42:10.5Z"),
                null,
                Instant.parse("2025-03-03T07:42:10Z"),
                null,
                new BigDecimal("28450.50"),
                "Y-A3",
                5L);
    }

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(
                        "PLATE_READ",
                        new PlateReadEvent(new PlateReadDto(
                                1001L,
                                "CAM-IN-1",
                                "L1",
                                SENT,
                                "桂A·12345",
                                PlateCountry.CN,
                                0.93,
                                "reads/2025/03/01/1001.jpg",
                                42L,
                                MatchStatus.MATCHED,
                                List.of(),
                                null,
                                null))),
                Arguments.of(
                        "PLATE_READ",
                        new PlateReadEvent(new PlateReadDto(
                                1002L,
                                "CAM-IN-2",
                                "L2",
                                SENT,
                                "29H-335.78",
                                PlateCountry.VN,
                                0.41,
                                null,
                                null,
                                MatchStatus.NEEDS_OFFICER,
                                List.of(new MatchCandidateDto(42L, "29H-335.76", 0.3)),
                                7L,
                                "gate"))),
                Arguments.of("CROSSING_CHANGED", new CrossingChangedEvent(crossing())),
                Arguments.of(
                        "STEP_CONFIRMED",
                        new StepConfirmedEvent(42L, "12C-123.45", step(Step.MEDICAL_QUARANTINE, StepState.HELD))),
                Arguments.of(
                        "QUEUE_CHANGED",
                        new QueueChangedEvent(new QueueSummaryDto(
                                Map.of(CrossingStatus.IN_PROGRESS, 12L, CrossingStatus.HELD, 2L),
                                Map.of(Step.MEDICAL_QUARANTINE, 5L, Step.FEE_COLLECTION, 9L),
                                17L))),
                Arguments.of(
                        "CAMERA_STATUS",
                        new CameraStatusEvent("CAM-IN-1", CameraStatusEvent.CameraState.RECONNECTING, 12.5, "timeout")),
                Arguments.of(
                        "OVERSTAY_ALERT",
                        new OverstayAlertEvent(new OverstayAlertDto(
                                42L,
                                "12C-123.45",
                                "Công ty TNHH Nông sản Lạng Sơn",
                                Instant.parse("2025-02-20T09:00:00Z"),
                                Instant.parse("2025-02-22T09:00:00Z"),
                                33L))),
                Arguments.of(
                        "VEHICLE_CALLED",
                        new VehicleCalledEvent(
                                "L3",
                                "Làn xuất khẩu 1",
                                42L,
                                "桂B·78996",
                                "桂B·0989挂",
                                Instant.parse("2025-02-20T09:30:00Z"),
                                "gate")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void envelopeRoundTripsWithTypeName(String type, GateEvent event) throws Exception {
        EventEnvelope envelope = new EventEnvelope(987_654_321_012L, SENT, event);

        String json = strict.writeValueAsString(envelope);
        JsonNode tree = strict.readTree(json);

        assertThat(tree.get("event").get("type").asText()).isEqualTo(type);
        assertThat(json).contains("\"type\":\"" + type + "\"");
        assertThat(tree.get("seq").asLong()).isEqualTo(987_654_321_012L);
        assertThat(tree.get("sentAt").asText()).isEqualTo("2025-03-01T08:30:00.123Z");

        EventEnvelope back = strict.readValue(json, EventEnvelope.class);
        assertThat(back).isEqualTo(envelope);
        assertThat(back.event()).isExactlyInstanceOf(event.getClass());

        assertThat(client.readValue(json, EventEnvelope.class)).isEqualTo(envelope);
    }

    @Test
    void everyEventSubtypeIsCovered() {
        List<Class<?>> covered =
                events().<Class<?>>map(a -> a.get()[1].getClass()).distinct().toList();
        assertThat(covered).containsExactlyInAnyOrder(GateEvent.class.getPermittedSubclasses());
    }

    @Test
    void eventDeserialisesFromTheWireFormatDirectly() throws Exception {
        String json = "{\"type\":\"CAMERA_STATUS\",\"cameraCode\":\"CAM-1\",\"state\":\"STREAMING\","
                + "\"fps\":25.0,\"detail\":null}";

        GateEvent event = strict.readValue(json, GateEvent.class);

        assertThat(event)
                .isEqualTo(new CameraStatusEvent("CAM-1", CameraStatusEvent.CameraState.STREAMING, 25.0, null));
    }

    @Test
    void unknownEventTypeFails() {
        String json = "{\"seq\":1,\"sentAt\":\"2025-03-01T08:30:00Z\",\"event\":{\"type\":\"NO_SUCH_EVENT\"}}";

        assertThatThrownBy(() -> strict.readValue(json, EventEnvelope.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("NO_SUCH_EVENT");
    }

    @Test
    void eventWithoutTypeFails() {
        String json = "{\"cameraCode\":\"CAM-1\",\"state\":\"STREAMING\",\"fps\":25.0,\"detail\":null}";

        assertThatThrownBy(() -> strict.readValue(json, GateEvent.class)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void unknownPropertyFailsStrictButIsIgnoredByClient() throws Exception {
        String json = "{\"username\":\"an.nguyen\",\"password\":\"s3cret!\",\"rememberMe\":true}";

        assertThatThrownBy(() -> strict.readValue(json, LoginRequest.class))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("rememberMe");
        assertThat(client.readValue(json, LoginRequest.class)).isEqualTo(new LoginRequest("an.nguyen", "s3cret!"));
    }

    @Test
    void unknownPropertyInsideAnEventIsIgnoredOnlyByClient() throws Exception {
        String json = "{\"seq\":5,\"sentAt\":\"2025-03-01T08:30:00Z\",\"event\":{\"type\":\"CAMERA_STATUS\","
                + "\"cameraCode\":\"CAM-1\",\"state\":\"STOPPED\",\"fps\":0.0,\"detail\":null,\"newField\":1},"
                + "\"extra\":\"x\"}";

        assertThatThrownBy(() -> strict.readValue(json, EventEnvelope.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThat(client.readValue(json, EventEnvelope.class).event())
                .isEqualTo(new CameraStatusEvent("CAM-1", CameraStatusEvent.CameraState.STOPPED, 0.0, null));
    }

    @Test
    void clientMapperDoesNotLoosenTheStrictMapper() {
        GateJson.newClientMapper();
        ObjectMapper fresh = GateJson.newMapper();

        assertThatThrownBy(() -> fresh.readValue("{\"username\":\"a\",\"password\":\"b\",\"x\":1}", LoginRequest.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void enumGivenAsNumberFails() {
        assertThatThrownBy(() -> strict.readValue(
                        "{\"outcome\":0,\"reason\":null,\"stationCode\":null}", StepDecisionRequest.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> strict.readValue("1", Outcome.class)).isInstanceOf(MismatchedInputException.class);
        // the client mapper is lenient about unknown fields only
        assertThatThrownBy(() -> client.readValue("{\"outcome\":1}", StepDecisionRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void enumGivenByNameWorksAndUnknownNameFails() throws Exception {
        assertThat(strict.readValue(
                        "{\"outcome\":\"HOLD\",\"reason\":\"seal broken\",\"stationCode\":\"HN-01\"}",
                        StepDecisionRequest.class))
                .isEqualTo(new StepDecisionRequest(Outcome.HOLD, "seal broken", "HN-01"));
        assertThatThrownBy(() -> strict.readValue("{\"outcome\":\"MAYBE\"}", StepDecisionRequest.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void enumsAreWrittenByName() throws Exception {
        JsonNode tree = strict.valueToTree(new StepDecisionRequest(Outcome.REJECT, "no permit", null));

        assertThat(tree.get("outcome").isTextual()).isTrue();
        assertThat(tree.get("outcome").asText()).isEqualTo("REJECT");
    }

    @Test
    void instantIsAnIsoString() throws Exception {
        String json = strict.writeValueAsString(new LoginResponse("tok", Instant.parse("2025-03-01T16:00:00Z"), null));

        assertThat(json).contains("\"expiresAt\":\"2025-03-01T16:00:00Z\"");
        assertThat(strict.readTree(json).get("expiresAt").isTextual()).isTrue();
        assertThat(strict.writeValueAsString(SENT)).isEqualTo("\"2025-03-01T08:30:00.123Z\"");
        assertThat(client.writeValueAsString(SENT)).isEqualTo("\"2025-03-01T08:30:00.123Z\"");
        assertThat(strict.readValue("\"2025-03-01T08:30:00.123Z\"", Instant.class))
                .isEqualTo(SENT);
    }

    @Test
    void loginResponseRoundTrips() throws Exception {
        LoginResponse response = new LoginResponse(
                "eyJhbGciOiJIUzI1NiJ9.e30.x",
                Instant.parse("2025-03-01T16:00:00Z"),
                new UserDto(9L, "an.nguyen", "Nguyễn Văn An", Role.OFFICER, Agency.CUSTOMS, "HN-01", null));

        String json = strict.writeValueAsString(response);

        assertThat(strict.readValue(json, LoginResponse.class)).isEqualTo(response);
    }

    @Test
    void aMissingBooleanIsFalseSoOptionalFlagsMayBeLeftOut() throws Exception {
        String json = "{\"cameraCode\":\"CAM-L1\",\"text\":\"29H33578\",\"confidence\":0.9}";
        NewPlateReadRequest read = strict.readValue(json, NewPlateReadRequest.class);
        assertThat(read.confidence()).isEqualTo(0.9);
        String medical = "{\"temperatureC\":36.6}";
        assertThat(strict.readValue(medical, MedicalDeclarationDto.class).symptoms())
                .isFalse();
    }

    @Test
    void trailingTokensFail() {
        assertThatThrownBy(() -> strict.readValue("{\"username\":\"a\",\"password\":\"b\"} {}", LoginRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void bigDecimalKeepsItsScale() throws Exception {
        CrossingDto crossing = crossing();

        CrossingDto back = strict.readValue(strict.writeValueAsString(crossing), CrossingDto.class);

        assertThat(back.grossWeightKg()).isEqualTo(new BigDecimal("28450.50"));
        assertThat(back).isEqualTo(crossing);
    }

    @Test
    void vietnameseAndChineseTextSurvive() throws Exception {
        String json = strict.writeValueAsString(new LoginRequest("đức", "桂A·12345"));

        assertThat(strict.readValue(json, LoginRequest.class)).isEqualTo(new LoginRequest("đức", "桂A·12345"));
    }
}
