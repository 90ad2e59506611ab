package vn.bordergate.common.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import vn.bordergate.common.dto.ApiError;
import vn.bordergate.common.dto.AuditEntryDto;
import vn.bordergate.common.dto.AuditVerification;
import vn.bordergate.common.dto.CameraDto;
import vn.bordergate.common.dto.CameraMetricsDto;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.EnterpriseDto;
import vn.bordergate.common.dto.FeeDto;
import vn.bordergate.common.dto.FeeRequest;
import vn.bordergate.common.dto.GateActionRequest;
import vn.bordergate.common.dto.HealthDto;
import vn.bordergate.common.dto.HoldReleaseRequest;
import vn.bordergate.common.dto.KioskCrossingDto;
import vn.bordergate.common.dto.LaneDto;
import vn.bordergate.common.dto.LoginRequest;
import vn.bordergate.common.dto.LoginResponse;
import vn.bordergate.common.dto.NewEnterpriseRequest;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.NewUserRequest;
import vn.bordergate.common.dto.OverstayAlertDto;
import vn.bordergate.common.dto.PlateCorrectionRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.dto.PlateReadStatsDto;
import vn.bordergate.common.dto.PriorityRequest;
import vn.bordergate.common.dto.PublicStatusDto;
import vn.bordergate.common.dto.QueueSummaryDto;
import vn.bordergate.common.dto.ReportKind;
import vn.bordergate.common.dto.ReportShift;
import vn.bordergate.common.dto.StationDto;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.dto.UserDto;
import vn.bordergate.common.dto.WeighingDto;
import vn.bordergate.common.dto.WeighingRequest;
import vn.bordergate.common.dto.WorkflowStepDto;
import vn.bordergate.common.dto.YardDto;
import vn.bordergate.common.event.EventEnvelope;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Step;

/**
 * The typed client of the gate server API ({@code docs/api.md}): one method per endpoint.
 *
 * <p>Every call blocks until the answer or the timeout (10 s unless told). A non-2xx answer throws
 * {@link GateApiException} carrying the server's {@code ApiError}; a server that can't be reached
 * throws {@link GateUnreachableException}. Writes a client may retry have an overload taking an
 * {@code idempotencyKey} (sent as {@code Idempotency-Key}; null sends none). Null query parameters
 * are left out. The token is shared by all threads using this client.
 */
public final class GateClient {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final JsonHttp http;
    private volatile String token;

    public GateClient(URI baseUri) {
        this(baseUri, null, DEFAULT_TIMEOUT);
    }

    public GateClient(URI baseUri, HttpClient httpClient) {
        this(baseUri, httpClient, DEFAULT_TIMEOUT);
    }

    /** A client of the server at {@code baseUri}; a null {@code httpClient} makes one (HTTP/1.1). */
    public GateClient(URI baseUri, HttpClient httpClient, Duration timeout) {
        this.http = new JsonHttp(baseUri, httpClient, timeout);
    }

    public URI baseUri() {
        return http.baseUri();
    }

    public Duration timeout() {
        return http.timeout();
    }

    /** The bearer token sent with each call, null before login. */
    public String token() {
        return token;
    }

    /** Sets the bearer token (null to send none) and returns this client. */
    public GateClient withToken(String token) {
        this.token = token;
        return this;
    }

    // ---- public, accounts

    public HealthDto health() {
        return get("/api/health", HealthDto.class);
    }

    /** Logs in and keeps the token for the next calls. */
    public LoginResponse login(String username, String password) {
        LoginResponse response = http.call(
                "POST",
                "/api/auth/login",
                new LoginRequest(username, password),
                http.type(LoginResponse.class),
                null,
                null);
        this.token = response.token();
        return response;
    }

    public UserDto me() {
        return get("/api/auth/me", UserDto.class);
    }

    public List<WorkflowStepDto> workflow() {
        return list("/api/workflow", WorkflowStepDto.class);
    }

    public List<UserDto> users() {
        return list("/api/users", UserDto.class);
    }

    public UserDto createUser(NewUserRequest request) {
        return createUser(request, null);
    }

    public UserDto createUser(NewUserRequest request, String idempotencyKey) {
        return post("/api/users", request, UserDto.class, idempotencyKey);
    }

    // ---- enterprises and declarations

    public List<EnterpriseDto> enterprises() {
        return list("/api/enterprises", EnterpriseDto.class);
    }

    public EnterpriseDto enterprise(long id) {
        return get("/api/enterprises/" + id, EnterpriseDto.class);
    }

    public EnterpriseDto createEnterprise(NewEnterpriseRequest request) {
        return createEnterprise(request, null);
    }

    public EnterpriseDto createEnterprise(NewEnterpriseRequest request, String idempotencyKey) {
        return post("/api/enterprises", request, EnterpriseDto.class, idempotencyKey);
    }

    public DeclarationDto submitDeclaration(DeclarationRequest request) {
        return submitDeclaration(request, null);
    }

    public DeclarationDto submitDeclaration(DeclarationRequest request, String idempotencyKey) {
        return post("/api/declarations", request, DeclarationDto.class, idempotencyKey);
    }

    /** Declarations, newest first; {@code status} and {@code limit} may be null. */
    public List<DeclarationDto> declarations(CrossingStatus status, Integer limit) {
        return list(JsonHttp.withQuery("/api/declarations", "status", status, "limit", limit), DeclarationDto.class);
    }

    public DeclarationDto declaration(long id) {
        return get("/api/declarations/" + id, DeclarationDto.class);
    }

    /** Corrects a declaration (revision + 1, back to DECLARED). */
    public DeclarationDto resubmitDeclaration(long id, DeclarationRequest request) {
        return resubmitDeclaration(id, request, null);
    }

    public DeclarationDto resubmitDeclaration(long id, DeclarationRequest request, String idempotencyKey) {
        return http.call(
                "PUT", "/api/declarations/" + id, request, http.type(DeclarationDto.class), token, idempotencyKey);
    }

    public DeclarationDto cancelDeclaration(long id) {
        return cancelDeclaration(id, null);
    }

    public DeclarationDto cancelDeclaration(long id, String idempotencyKey) {
        return post("/api/declarations/" + id + "/cancel", null, DeclarationDto.class, idempotencyKey);
    }

    // ---- crossings

    /** Crossings; {@code status}, {@code step} (pending at that step) and {@code limit} may be null. */
    public List<CrossingDto> crossings(CrossingStatus status, Step step, Integer limit) {
        return list(
                JsonHttp.withQuery("/api/crossings", "status", status, "step", step, "limit", limit),
                CrossingDto.class);
    }

    public QueueSummaryDto queue() {
        return get("/api/crossings/queue", QueueSummaryDto.class);
    }

    public CrossingDto crossing(long id) {
        return get("/api/crossings/" + id, CrossingDto.class);
    }

    public CrossingDto decideStep(long crossingId, Step step, StepDecisionRequest request) {
        return decideStep(crossingId, step, request, null);
    }

    public CrossingDto decideStep(long crossingId, Step step, StepDecisionRequest request, String idempotencyKey) {
        return post(stepPath(crossingId, step) + "/decision", request, CrossingDto.class, idempotencyKey);
    }

    public CrossingDto releaseHold(long crossingId, Step step, HoldReleaseRequest request) {
        return releaseHold(crossingId, step, request, null);
    }

    public CrossingDto releaseHold(long crossingId, Step step, HoldReleaseRequest request, String idempotencyKey) {
        return post(stepPath(crossingId, step) + "/release-hold", request, CrossingDto.class, idempotencyKey);
    }

    /** Opens the barrier: the vehicle crosses the border. */
    public CrossingDto release(long crossingId, GateActionRequest request) {
        return release(crossingId, request, null);
    }

    public CrossingDto release(long crossingId, GateActionRequest request, String idempotencyKey) {
        return post("/api/crossings/" + crossingId + "/release", request, CrossingDto.class, idempotencyKey);
    }

    /** Records that a released vehicle came back. */
    public CrossingDto recordReturn(long crossingId, GateActionRequest request) {
        return recordReturn(crossingId, request, null);
    }

    public CrossingDto recordReturn(long crossingId, GateActionRequest request, String idempotencyKey) {
        return post("/api/crossings/" + crossingId + "/return", request, CrossingDto.class, idempotencyKey);
    }

    public List<WeighingDto> weighings(long crossingId) {
        return list("/api/crossings/" + crossingId + "/weighings", WeighingDto.class);
    }

    public WeighingDto addWeighing(long crossingId, WeighingRequest request) {
        return addWeighing(crossingId, request, null);
    }

    public WeighingDto addWeighing(long crossingId, WeighingRequest request, String idempotencyKey) {
        return post("/api/crossings/" + crossingId + "/weighings", request, WeighingDto.class, idempotencyKey);
    }

    public List<FeeDto> fees(long crossingId) {
        return list("/api/crossings/" + crossingId + "/fees", FeeDto.class);
    }

    public FeeDto addFee(long crossingId, FeeRequest request) {
        return addFee(crossingId, request, null);
    }

    public FeeDto addFee(long crossingId, FeeRequest request, String idempotencyKey) {
        return post("/api/crossings/" + crossingId + "/fees", request, FeeDto.class, idempotencyKey);
    }

    // ---- cameras, gate layout, alerts, audit

    public List<PlateReadDto> plateReads(Integer limit) {
        return list(JsonHttp.withQuery("/api/plate-reads", "limit", limit), PlateReadDto.class);
    }

    public PlateReadDto postPlateRead(NewPlateReadRequest request) {
        return postPlateRead(request, null);
    }

    public PlateReadDto postPlateRead(NewPlateReadRequest request, String idempotencyKey) {
        return post("/api/plate-reads", request, PlateReadDto.class, idempotencyKey);
    }

    public PlateReadStatsDto plateReadStats() {
        return get("/api/plate-reads/stats", PlateReadStatsDto.class);
    }

    public PlateReadDto correctPlateRead(long readId, PlateCorrectionRequest request) {
        return post("/api/plate-reads/" + readId + "/correction", request, PlateReadDto.class, null);
    }

    public List<LaneDto> lanes() {
        return list("/api/lanes", LaneDto.class);
    }

    public List<CameraDto> cameras() {
        return list("/api/cameras", CameraDto.class);
    }

    /** How each running lane camera is doing now (state, frame rate); empty when no camera runs. */
    public List<CameraMetricsDto> cameraMetrics() {
        return list("/api/cameras/metrics", CameraMetricsDto.class);
    }

    /**
     * Calls the next vehicle waiting in the yard to {@code laneCode} (gate management); empty when no
     * vehicle waits (the server answers 204).
     */
    public Optional<CrossingDto> callNext(String laneCode) {
        String path = "/api/lanes/"
                + URLEncoder.encode(laneCode, StandardCharsets.UTF_8).replace("+", "%20") + "/call-next";
        RawResponse response = http.exchange("POST", path, token, null, null, Map.of());
        if (response.status() == 204) {
            return Optional.empty();
        }
        if (!response.isSuccess()) {
            throw http.failure(response);
        }
        try {
            return Optional.of(http.mapper().readValue(response.body(), CrossingDto.class));
        } catch (JsonProcessingException e) {
            throw new GateApiException(
                    response.status(),
                    new ApiError(
                            response.status(),
                            "unreadable_response",
                            "The gate server's answer to POST " + path + " could not be read: "
                                    + e.getOriginalMessage(),
                            List.of()));
        }
    }

    public List<StationDto> stations() {
        return list("/api/stations", StationDto.class);
    }

    public List<YardDto> yards() {
        return list("/api/yards", YardDto.class);
    }

    public List<OverstayAlertDto> overstays() {
        return list("/api/alerts/overstays", OverstayAlertDto.class);
    }

    /** Audit entries with an id above {@code afterId}, oldest first; both parameters may be null. */
    public List<AuditEntryDto> audit(Long afterId, Integer limit) {
        return list(JsonHttp.withQuery("/api/audit", "afterId", afterId, "limit", limit), AuditEntryDto.class);
    }

    public AuditVerification verifyAudit() {
        return post("/api/audit/verify", null, AuditVerification.class, null);
    }

    // ---- the yard kiosk (KIOSK accounts)

    /** The crossing expected today whose plate is like {@code plate} (look-alike characters forgiven). */
    public KioskCrossingDto kioskFindByPlate(String plate) {
        return get(JsonHttp.withQuery("/api/kiosk/crossings", "plate", plate), KioskCrossingDto.class);
    }

    public KioskCrossingDto kioskFindByCode(String declarationCode) {
        return get(JsonHttp.withQuery("/api/kiosk/crossings", "code", declarationCode), KioskCrossingDto.class);
    }

    /** The crossing a scanned QR code names (a queue ticket's or a declaration's). */
    public KioskCrossingDto kioskFindByQr(String payload) {
        return get(JsonHttp.withQuery("/api/kiosk/crossings", "qr", payload), KioskCrossingDto.class);
    }

    public KioskCrossingDto kioskCrossing(long crossingId) {
        return get("/api/kiosk/crossings/" + crossingId, KioskCrossingDto.class);
    }

    /** The checked-in crossing's queue ticket, a PDF (409 before check-in). */
    public byte[] kioskTicket(long crossingId) {
        return download("/api/kiosk/crossings/" + crossingId + "/ticket", "application/pdf");
    }

    /** Checks the crossing in (idempotent: again answers the first check-in). */
    public KioskCrossingDto kioskCheckIn(long crossingId) {
        return post("/api/kiosk/crossings/" + crossingId + "/check-in", null, KioskCrossingDto.class, null);
    }

    // ---- reports, priority and the public status feed (reports branch)

    /** Gives a crossing priority in the queue, or takes it away (SUPERVISOR), with the reason. */
    public CrossingDto setPriority(long crossingId, PriorityRequest request) {
        return post("/api/crossings/" + crossingId + "/priority", request, CrossingDto.class, null);
    }

    /** The gate's public congestion figures (no token needed). */
    public PublicStatusDto publicStatus() {
        return get("/api/public/status", PublicStatusDto.class);
    }

    /**
     * A report as a PDF or XLSX document (SUPERVISOR, ADMINISTRATOR): the local days {@code from} to
     * {@code to} (both included), the hours of {@code shift} in each.
     *
     * @param format {@code pdf} or {@code xlsx}
     */
    public byte[] report(ReportKind kind, LocalDate from, LocalDate to, ReportShift shift, String format) {
        String path = withQuery(
                "/api/reports/" + kind.path(),
                "from",
                from,
                "to",
                to,
                "shift",
                shift == null ? null : shift.name().toLowerCase(java.util.Locale.ROOT),
                "format",
                format);
        return download(
                path,
                "xlsx".equals(format)
                        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        : "application/pdf");
    }

    // ---- binary answers

    /**
     * GETs a binary resource (a plate crop or frame snapshot, a report, a slip) as bytes; {@code accept}
     * is the media type asked for, e.g. {@code image/jpeg} or {@code application/pdf}.
     *
     * @throws GateApiException on a non-2xx answer (404 when there is no such resource)
     */
    public byte[] download(String path, String accept) {
        return http.download(path, accept, token);
    }

    // ---- events and raw access

    /** Subscribes to the server's events with this client's address, HTTP client and token. */
    public GateEventStream openEvents(Consumer<EventEnvelope> events, GateEventStream.Listener listener) {
        return GateEventStream.connect(http.httpClient(), baseUri(), token, events, listener, timeout());
    }

    /** Sends {@code body} as JSON (none when null) with the token; returns the answer whatever its status. */
    public RawResponse send(String method, String path, Object body) {
        return http.exchange(method, path, token, body == null ? null : JsonHttp.JSON, http.toJson(body), Map.of());
    }

    /** Sends the bytes as they are, with the token; returns the answer whatever its status. */
    public RawResponse sendRaw(String method, String path, String contentType, byte[] body) {
        return sendRaw(method, path, contentType, body, Map.of());
    }

    /** As {@link #sendRaw(String, String, String, byte[])}, with extra request headers. */
    public RawResponse sendRaw(
            String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        return http.exchange(method, path, token, contentType, body, headers);
    }

    /** Appends URL-encoded query parameters (name, value, …; null values left out) to a path. */
    public static String withQuery(String path, Object... namesAndValues) {
        return JsonHttp.withQuery(path, namesAndValues);
    }

    private static String stepPath(long crossingId, Step step) {
        return "/api/crossings/" + crossingId + "/steps/" + step.name();
    }

    private <T> T get(String path, Class<T> type) {
        return http.call("GET", path, null, http.type(type), token, null);
    }

    private <T> List<T> list(String path, Class<T> element) {
        return http.call("GET", path, null, http.listOf(element), token, null);
    }

    private <T> T post(String path, Object body, Class<T> type, String idempotencyKey) {
        return http.call("POST", path, body, http.type(type), token, idempotencyKey);
    }

    // ---- live dashboard (dashboard branch)

    /** One snapshot of the supervisors' dashboard (SUPERVISOR, ADMINISTRATOR). */
    public vn.bordergate.common.dto.DashboardDto dashboard() {
        return get("/api/dashboard", vn.bordergate.common.dto.DashboardDto.class);
    }
}
