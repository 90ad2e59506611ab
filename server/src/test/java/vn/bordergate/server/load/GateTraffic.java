package vn.bordergate.server.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.server.support.TestGate;

/**
 * The requests the load benchmark sends, as raw HTTP over one shared {@link HttpClient} (HTTP/1.1,
 * keep-alive): enterprises declaring trips, cameras posting plate reads, officers passing the customs
 * step of declared trips. Bodies are made from templates so the load generator spends little CPU.
 */
final class GateTraffic {
    private static final Pattern CROSSING_ID = Pattern.compile("\"crossingId\":(\\d+)");
    private static final Pattern CAMERA = Pattern.compile("\"code\":\"(CAM-[^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;
    private final String declarationTemplate;
    private final String decisionBody;
    private final List<String> provinces = new ArrayList<>();
    /** Crossings declared during the run, waiting for their customs decision. */
    final ConcurrentLinkedQueue<Long> declared = new ConcurrentLinkedQueue<>();
    /** Plates declared during the run: plate reads pick some of them so matching has work to do. */
    final List<String> declaredPlates = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Plates of the crossings declared during the run whose customs step is not yet passed, by crossing. */
    final java.util.Map<Long, String> undecidedPlates = new java.util.concurrent.ConcurrentHashMap<>();
    /** What {@link #takeFailures} reports when nothing failed. */
    static final String NO_FAILURES = "no failed answers";

    /** Failed answers by status (0: no answer), with a few bodies, so errors can be explained. */
    private final java.util.Map<Integer, java.util.concurrent.atomic.AtomicLong> failures =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final List<String> failureSamples = java.util.Collections.synchronizedList(new ArrayList<>());

    GateTraffic(URI base) throws Exception {
        this.base = base;
        ObjectMapper json = GateJson.newMapper();
        this.declarationTemplate = json.writeValueAsString(
                        TestGate.declaration("29C-123.45", Direction.EXPORT, QuarantineKind.PLANT))
                .replace("29C-123.45", "__PLATE__");
        this.decisionBody = json.writeValueAsString(new StepDecisionRequest(Outcome.PASS, null, null));
        for (int p = 11; p <= 99; p++) {
            String province = String.format("%02d", p);
            if (PlateParser.tryParse(province + "C-123.45").isPresent()) {
                provinces.add(province);
            }
        }
    }

    /** The server this traffic goes to. */
    URI base() {
        return base;
    }

    /** The province codes {@link #plate} draws from, in its order (wrk's scripts make the same plates). */
    List<String> provinces() {
        return List.copyOf(provinces);
    }

    /** A declaration's JSON body with {@code __PLATE__} where its plate goes. */
    String declarationTemplate() {
        return declarationTemplate;
    }

    /** The n-th plate of this run: unique across a run of millions of declarations. */
    String plate(long n) {
        String province = provinces.get((int) (n / 100_000 % provinces.size()));
        char series = (char) ('C' + (n / (100_000L * provinces.size())) % 3);
        return String.format("%s%c-%03d.%02d", province, series, n / 100 % 1000, n % 100);
    }

    String login(String username) throws Exception {
        HttpResponse<String> r = send(
                "POST",
                "/api/auth/login",
                null,
                "{\"username\":\"" + username + "\",\"password\":\"" + TestGate.PASSWORD + "\"}");
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("login " + username + ": " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    List<String> cameras(String token) throws Exception {
        HttpResponse<String> r = send("GET", "/api/cameras", token, null);
        List<String> codes = new ArrayList<>();
        Matcher m = CAMERA.matcher(r.body());
        while (m.find()) {
            codes.add(m.group(1));
        }
        if (codes.isEmpty()) {
            throw new IllegalStateException("no cameras: " + r.statusCode() + " " + r.body());
        }
        return codes;
    }

    boolean declare(String token, long n) throws Exception {
        String plate = plate(n);
        HttpResponse<String> r =
                send("POST", "/api/declarations", token, declarationTemplate.replace("__PLATE__", plate));
        if (r.statusCode() != 200 && r.statusCode() != 201) {
            failed("declaration " + plate, r);
            return false;
        }
        Matcher m = CROSSING_ID.matcher(r.body());
        if (m.find()) {
            long crossing = Long.parseLong(m.group(1));
            undecidedPlates.put(crossing, plate);
            declared.add(crossing);
            declaredPlates.add(plate);
        }
        return true;
    }

    boolean plateRead(String token, String camera, long n) throws Exception {
        String text;
        int size = declaredPlates.size();
        if (n % 2 == 0 && size > 0) {
            text = declaredPlates.get(ThreadLocalRandom.current().nextInt(size));
        } else {
            text = plate(50_000_000L + n); // not declared: waits for an officer
        }
        HttpResponse<String> r = send(
                "POST",
                "/api/plate-reads",
                token,
                "{\"cameraCode\":\"" + camera + "\",\"text\":\"" + text + "\",\"confidence\":0.91}");
        if (r.statusCode() != 200 && r.statusCode() != 201) {
            failed("plate read " + text, r);
            return false;
        }
        return true;
    }

    /** Customs passes the declaration step of the next declared crossing; null when none is left. */
    Boolean decide(String token) throws Exception {
        Long crossing = declared.poll();
        if (crossing == null) {
            Thread.sleep(5);
            return null;
        }
        undecidedPlates.remove(crossing);
        HttpResponse<String> r =
                send("POST", "/api/crossings/" + crossing + "/steps/DECLARATION/decision", token, decisionBody);
        if (r.statusCode() != 200) {
            failed("decision " + crossing, r);
            return false;
        }
        return true;
    }

    private void failed(String what, HttpResponse<String> r) {
        failures.computeIfAbsent(r.statusCode(), s -> new java.util.concurrent.atomic.AtomicLong())
                .incrementAndGet();
        if (failureSamples.size() < 8) {
            String body = r.body().length() > 300 ? r.body().substring(0, 300) + "…" : r.body();
            failureSamples.add(what + " -> " + r.statusCode() + " " + body);
        }
    }

    /** What failed so far (status → count, a few answers), then forgets it: one report per phase. */
    String takeFailures() {
        if (failures.isEmpty()) {
            return NO_FAILURES;
        }
        String report = "failed answers by status " + new java.util.TreeMap<>(failures) + "; e.g. " + failureSamples;
        failures.clear();
        failureSamples.clear();
        return report;
    }

    boolean get(String path, String token) throws Exception {
        return send("GET", path, token, null).statusCode() == 200;
    }

    HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
