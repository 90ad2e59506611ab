package vn.bordergate.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The writer's queue, answers, announcements and close, with batches that only record what they were given. */
class BatchWriterTest {
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void everyItemOfABatchIsAnnouncedInOrderAfterItsAnswerEvenWhenOneAnnouncementFails() throws Exception {
        List<String> announced = new CopyOnWriteArrayList<>();
        List<String> given = new CopyOnWriteArrayList<>(); // the order the writer took them in
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BatchWriter<String, String> writer = writer(1, 60_000, items -> items.stream()
                .peek(given::add)
                .map(item -> WriteOutcome.of(item, () -> {
                    if (item.equals("plug")) {
                        held.countDown();
                        await(release);
                    }
                    if (item.equals("b")) {
                        throw new IllegalStateException("announcing b failed");
                    }
                    announced.add(item);
                }))
                .toList());
        // answered although its announcement is held
        assertThat(callers.submit(() -> writer.write("plug")).get(10, TimeUnit.SECONDS))
                .isEqualTo("plug");
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<String>> answers = List.of("a", "b", "c").stream()
                .map(i -> callers.submit(() -> writer.write(i)))
                .toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writer.queued() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(writer.queued()).isEqualTo(3); // one batch of three once the plug's announcement ends
        release.countDown();
        for (int i = 0; i < 3; i++) {
            assertThat(answers.get(i).get(10, TimeUnit.SECONDS))
                    .isEqualTo(List.of("a", "b", "c").get(i));
        }
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // the gets above may have used the first
        while (announced.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(given).containsExactlyInAnyOrder("plug", "a", "b", "c");
        assertThat(announced)
                .containsExactlyElementsOf(
                        given.stream().filter(item -> !item.equals("b")).toList());
    }

    @Test
    void aTakenItemWhoseAnswerTimedOutIsUnknownAQueuedOneBusy() throws Exception {
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BatchWriter<String, String> writer = writer(1, 2_000, items -> {
            taken.countDown();
            await(release);
            return items.stream().map(WriteOutcome::of).toList();
        });
        try {
            Future<String> first = callers.submit(() -> writer.write("first"));
            assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
            Future<String> second = callers.submit(() -> writer.write("second"));
            assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("busy");
            assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("unknown");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aSubmittedItemIsAnsweredOnTheWriterAfterItsBatchAndBoundedAsAWaitingCallerIs() throws Exception {
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch chained = new CountDownLatch(1);
        List<String> written = new CopyOnWriteArrayList<>();
        BatchWriter<String, String> writer = writer(1, 2_000, items -> {
            if (items.contains("first")) {
                await(chained);
            }
            if (items.contains("held")) {
                taken.countDown();
                await(release);
            }
            written.addAll(items);
            return items.stream().map(WriteOutcome::of).toList();
        });
        try {
            // answered once written, on the writer (what is chained to the answer runs there: no caller waits)
            CompletableFuture<String> answered = writer.submit("first")
                    .thenApply(value -> written.contains(value) + " on "
                            + Thread.currentThread().getName());
            chained.countDown();
            assertThat(answered.get(10, TimeUnit.SECONDS)).isEqualTo("true on batch-writer-test");
            // a batch that never commits: the taken item may yet be written, the queued one certainly not
            CompletableFuture<String> held = writer.submit("held");
            assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<String> queued = writer.submit("queued");
            assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("busy");
            assertThatThrownBy(() -> held.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("unknown");
            release.countDown();
            assertThat(writer.submit("after").get(10, TimeUnit.SECONDS)).isEqualTo("after");
            assertThat(written).as("the withdrawn item was never written").containsExactly("first", "held", "after");
        } finally {
            release.countDown();
        }
    }

    @Test
    void closeRefusesNewItemsAnswersQueuedOnesBusyAndWaitsForTheBatchBeingWritten() throws Exception {
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BatchWriter<String, String> writer = writer(1, 60_000, items -> {
            taken.countDown();
            await(release);
            return items.stream().map(WriteOutcome::of).toList();
        });
        Future<String> inFlight = callers.submit(() -> writer.write("in flight"));
        assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
        Future<String> queued = callers.submit(() -> writer.write("queued"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writer.queued() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Future<Boolean> closed = callers.submit(() -> writer.close(10_000));
        assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("busy");
        assertThatThrownBy(() -> writer.write("after close")).hasMessage("busy");
        Thread.sleep(200);
        assertThat(closed).isNotDone(); // it waits for the batch being written
        release.countDown();
        assertThat(closed.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo("in flight");
    }

    private static BatchWriter<String, String> writer(
            int writers, long maxAnswerMillis, WriteBatch<String, String> batch) {
        return new BatchWriter<>(
                "batch-writer-test",
                writers,
                16,
                16,
                5_000,
                maxAnswerMillis,
                () -> new IllegalStateException("busy"),
                () -> new IllegalStateException("unknown"),
                batch);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
