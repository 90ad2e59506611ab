package vn.bordergate.server.fuzz;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Sends hostile requests from several threads and keeps what matters: every answer's status, and
 * each answer that is a server error (5xx), carries a stack trace or Java internals, or never came.
 */
final class FuzzRun {
    /**
     * Signs of internals leaking to a client: stack frames, exception class names, SQL states. Each part
     * is tried only at a word start and over a bounded length: an unbounded {@code \w+} before
     * "Exception" backtracked quadratically over the megabyte-long words some answers echo, which kept
     * the 100,000-request run from ever finishing.
     */
    static final Pattern LEAK = Pattern.compile(
            "(?m)(^\\s*at [\\w.$]{1,300}\\(|\\bCaused by:|\\b[A-Za-z_$][\\w$]{0,100}?(Exception|Error)(:|\\b\\s*at )"
                    + "|\\bjava\\.lang\\."
                    + "|\\borg\\.(hibernate|apache|eclipse|glassfish)\\.|SQLState|\\bvn\\.bordergate\\.)");

    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong failureCount = new AtomicLong();
    private final List<String> closed = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();

    static FuzzRun run(URI base, HostileRequests requests, long count, int threads) throws InterruptedException {
        FuzzRun run = new FuzzRun();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        AtomicLong next = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                for (long n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    run.send(http, base, requests.request(n));
                    if (n > 0 && n % 10_000 == 0) { // a long run says how far it got
                        System.out.printf(
                                "fuzz: %d of %d sent, %d failures so far%n", n, count, run.failureCount.get());
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return run;
    }

    private void send(HttpClient http, URI base, HostileRequests.Request r) {
        sent.incrementAndGet();
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(base + r.path())).timeout(Duration.ofSeconds(60));
        } catch (IllegalArgumentException notAUri) {
            statuses.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
            return; // the client itself refuses to send it: nothing reached the server
        }
        if (r.authorization() != null) {
            b.header("Authorization", r.authorization());
        }
        if (r.contentType() != null) {
            b.header("Content-Type", r.contentType());
        }
        b.method(
                r.method(),
                r.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        try {
            HttpResponse<String> answer;
            try {
                answer = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                if (e instanceof java.net.http.HttpTimeoutException) {
                    throw e;
                }
                // a kept-alive connection the server had closed after an earlier refused request on it:
                // send it once more on a connection of its own, so only a real refusal counts as closed
                answer = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build()
                        .send(b.build(), HttpResponse.BodyHandlers.ofString());
                resent.incrementAndGet();
            }
            statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicLong()).incrementAndGet();
            if (answer.statusCode() >= 500) {
                fail(answer.statusCode() + " for " + r.describe() + " -> " + clip(answer.body()));
            } else if (LEAK.matcher(answer.body()).find()) {
                fail("internals in the answer " + answer.statusCode() + " for " + r.describe() + " -> "
                        + clip(answer.body()));
            }
        } catch (java.io.IOException e) {
            // the server may close a connection on a refused body; a reset is no 5xx and shows nothing
            statuses.computeIfAbsent(0, s -> new AtomicLong()).incrementAndGet();
            if (closed.size() < 5) {
                closed.add(r.describe() + " -> " + e);
            }
            if (e instanceof java.net.http.HttpTimeoutException) {
                fail("no answer within 60 s for " + r.describe());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fail(String what) {
        failureCount.incrementAndGet();
        if (failures.size() < 30) {
            failures.add(what);
        }
    }

    private static String clip(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }

    /** Requests answered only when sent again on a fresh connection (the first one was closed under them). */
    long resent() {
        return resent.get();
    }

    /** Some requests the server answered by closing the connection (twice: on a pooled and a fresh one). */
    List<String> closedSamples() {
        return closed;
    }

    long sent() {
        return sent.get();
    }

    long failureCount() {
        return failureCount.get();
    }

    List<String> failures() {
        return failures;
    }

    /** Answers by status (0: connection closed without an answer; -1: not a valid URI, not sent). */
    Map<Integer, Long> statuses() {
        Map<Integer, Long> sorted = new TreeMap<>();
        statuses.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted;
    }
}
