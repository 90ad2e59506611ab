package vn.bordergate.common.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.EnterpriseDto;
import vn.bordergate.common.dto.GateActionRequest;
import vn.bordergate.common.dto.HealthDto;
import vn.bordergate.common.dto.HoldReleaseRequest;
import vn.bordergate.common.dto.LoginRequest;
import vn.bordergate.common.dto.LoginResponse;
import vn.bordergate.common.dto.NewEnterpriseRequest;
import vn.bordergate.common.dto.QueueSummaryDto;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.dto.UserDto;
import vn.bordergate.common.dto.WorkflowStepDto;
import vn.bordergate.common.event.EventEnvelope;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Step;

/**
 * The typed client of the gate server API ({@code docs/api.md}): one method per endpoint, here for
 * accounts, declarations and crossings, and in the area clients it hands out ({@link #kiosk()},
 * {@link #anpr()}, {@link #site()}, {@link #supervision()}, {@link #admin()}, {@link #facts()}).
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
    private final GateCalls calls;
    private final KioskClient kiosk;
    private final AnprClient anpr;
    private final GateSiteClient site;
    private final SupervisionClient supervision;
    private final AdminClient admin;
    private final CrossingFactsClient facts;

    public GateClient(URI baseUri) {
        this(baseUri, null, DEFAULT_TIMEOUT);
    }

    public GateClient(URI baseUri, HttpClient httpClient) {
        this(baseUri, httpClient, DEFAULT_TIMEOUT);
    }

    /** A client of the server at {@code baseUri}; a null {@code httpClient} makes one (HTTP/1.1). */
    public GateClient(URI baseUri, HttpClient httpClient, Duration timeout) {
        this.http = new JsonHttp(baseUri, httpClient, timeout);
        this.calls = new GateCalls(http);
        this.kiosk = new KioskClient(calls);
        this.anpr = new AnprClient(calls);
        this.site = new GateSiteClient(calls);
        this.supervision = new SupervisionClient(calls);
        this.admin = new AdminClient(calls);
        this.facts = new CrossingFactsClient(calls);
    }

    public URI baseUri() {
        return http.baseUri();
    }

    public Duration timeout() {
        return http.timeout();
    }

    /** The bearer token sent with each call, null before login. */
    public String token() {
        return calls.token();
    }

    /** Sets the bearer token (null to send none) and returns this client. */
    public GateClient withToken(String token) {
        calls.token(token);
        return this;
    }

    // ---- the areas: their calls share this client's address, HTTP client and token

    /** A crossing's weighings and fees. */
    public CrossingFactsClient facts() {
        return facts;
    }

    /** The yard kiosk's calls (KIOSK accounts). */
    public KioskClient kiosk() {
        return kiosk;
    }

    /** The lane cameras and the plates they read. */
    public AnprClient anpr() {
        return anpr;
    }

    /** The gate's lanes, stations and yards, calling vehicles to a lane, overstay alerts. */
    public GateSiteClient site() {
        return site;
    }

    /** The supervisors' dashboard, reports and queue priority, and the public status feed. */
    public SupervisionClient supervision() {
        return supervision;
    }

    /** Accounts and the audit log. */
    public AdminClient admin() {
        return admin;
    }

    // ---- public, accounts

    public HealthDto health() {
        return calls.get("/api/health", HealthDto.class);
    }

    /** Logs in and keeps the token for the next calls. */
    public LoginResponse login(String username, String password) {
        LoginResponse response =
                calls.postWithoutToken("/api/auth/login", new LoginRequest(username, password), LoginResponse.class);
        calls.token(response.token());
        return response;
    }

    public UserDto me() {
        return calls.get("/api/auth/me", UserDto.class);
    }

    public List<WorkflowStepDto> workflow() {
        return calls.list("/api/workflow", WorkflowStepDto.class);
    }

    // ---- enterprises and declarations

    public List<EnterpriseDto> enterprises() {
        return calls.list("/api/enterprises", EnterpriseDto.class);
    }

    public EnterpriseDto enterprise(long id) {
        return calls.get("/api/enterprises/" + id, EnterpriseDto.class);
    }

    public EnterpriseDto createEnterprise(NewEnterpriseRequest request) {
        return createEnterprise(request, null);
    }

    public EnterpriseDto createEnterprise(NewEnterpriseRequest request, String idempotencyKey) {
        return calls.post("/api/enterprises", request, EnterpriseDto.class, idempotencyKey);
    }

    public DeclarationDto submitDeclaration(DeclarationRequest request) {
        return submitDeclaration(request, null);
    }

    public DeclarationDto submitDeclaration(DeclarationRequest request, String idempotencyKey) {
        return calls.post("/api/declarations", request, DeclarationDto.class, idempotencyKey);
    }

    /** Declarations, newest first; {@code status} and {@code limit} may be null. */
    public List<DeclarationDto> declarations(CrossingStatus status, Integer limit) {
        return calls.list(
                JsonHttp.withQuery("/api/declarations", "status", status, "limit", limit), DeclarationDto.class);
    }

    public DeclarationDto declaration(long id) {
        return calls.get("/api/declarations/" + id, DeclarationDto.class);
    }

    /** Corrects a declaration (revision + 1, back to DECLARED). */
    public DeclarationDto resubmitDeclaration(long id, DeclarationRequest request) {
        return resubmitDeclaration(id, request, null);
    }

    public DeclarationDto resubmitDeclaration(long id, DeclarationRequest request, String idempotencyKey) {
        return calls.put("/api/declarations/" + id, request, DeclarationDto.class, idempotencyKey);
    }

    public DeclarationDto cancelDeclaration(long id) {
        return cancelDeclaration(id, null);
    }

    public DeclarationDto cancelDeclaration(long id, String idempotencyKey) {
        return calls.post("/api/declarations/" + id + "/cancel", null, DeclarationDto.class, idempotencyKey);
    }

    // ---- crossings

    /** Crossings; {@code status}, {@code step} (pending at that step) and {@code limit} may be null. */
    public List<CrossingDto> crossings(CrossingStatus status, Step step, Integer limit) {
        return calls.list(
                JsonHttp.withQuery("/api/crossings", "status", status, "step", step, "limit", limit),
                CrossingDto.class);
    }

    public QueueSummaryDto queue() {
        return calls.get("/api/crossings/queue", QueueSummaryDto.class);
    }

    public CrossingDto crossing(long id) {
        return calls.get("/api/crossings/" + id, CrossingDto.class);
    }

    public CrossingDto decideStep(long crossingId, Step step, StepDecisionRequest request) {
        return decideStep(crossingId, step, request, null);
    }

    public CrossingDto decideStep(long crossingId, Step step, StepDecisionRequest request, String idempotencyKey) {
        return calls.post(stepPath(crossingId, step) + "/decision", request, CrossingDto.class, idempotencyKey);
    }

    public CrossingDto releaseHold(long crossingId, Step step, HoldReleaseRequest request) {
        return releaseHold(crossingId, step, request, null);
    }

    public CrossingDto releaseHold(long crossingId, Step step, HoldReleaseRequest request, String idempotencyKey) {
        return calls.post(stepPath(crossingId, step) + "/release-hold", request, CrossingDto.class, idempotencyKey);
    }

    /** Opens the barrier: the vehicle crosses the border. */
    public CrossingDto release(long crossingId, GateActionRequest request) {
        return release(crossingId, request, null);
    }

    public CrossingDto release(long crossingId, GateActionRequest request, String idempotencyKey) {
        return calls.post("/api/crossings/" + crossingId + "/release", request, CrossingDto.class, idempotencyKey);
    }

    /** Records that a released vehicle came back. */
    public CrossingDto recordReturn(long crossingId, GateActionRequest request) {
        return recordReturn(crossingId, request, null);
    }

    public CrossingDto recordReturn(long crossingId, GateActionRequest request, String idempotencyKey) {
        return calls.post("/api/crossings/" + crossingId + "/return", request, CrossingDto.class, idempotencyKey);
    }

    // ---- binary answers

    /**
     * GETs a binary resource (a plate crop or frame snapshot, a report, a slip) as bytes; {@code accept}
     * is the media type asked for, e.g. {@code image/jpeg} or {@code application/pdf}.
     *
     * @throws GateApiException on a non-2xx answer (404 when there is no such resource)
     */
    public byte[] download(String path, String accept) {
        return calls.download(path, accept);
    }

    // ---- events and raw access

    /** Subscribes to the server's events with this client's address, HTTP client and token. */
    public GateEventStream openEvents(Consumer<EventEnvelope> events, GateEventStream.Listener listener) {
        return GateEventStream.connect(http.httpClient(), baseUri(), token(), events, listener, timeout());
    }

    /** Sends {@code body} as JSON (none when null) with the token; returns the answer whatever its status. */
    public RawResponse send(String method, String path, Object body) {
        return calls.exchange(method, path, body == null ? null : JsonHttp.JSON, http.toJson(body), Map.of());
    }

    /** Sends the bytes as they are, with the token; returns the answer whatever its status. */
    public RawResponse sendRaw(String method, String path, String contentType, byte[] body) {
        return sendRaw(method, path, contentType, body, Map.of());
    }

    /** As {@link #sendRaw(String, String, String, byte[])}, with extra request headers. */
    public RawResponse sendRaw(
            String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        return calls.exchange(method, path, contentType, body, headers);
    }

    /** Appends URL-encoded query parameters (name, value, …; null values left out) to a path. */
    public static String withQuery(String path, Object... namesAndValues) {
        return JsonHttp.withQuery(path, namesAndValues);
    }

    private static String stepPath(long crossingId, Step step) {
        return "/api/crossings/" + crossingId + "/steps/" + step.name();
    }
}
