package vn.bordergate.server.service;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.server.anpr.tracking.PlateEvidence;

/**
 * The plate crop and full-frame snapshot of each camera read, as JPEG files under
 * {@code <data>/plate-reads/<yyyy-MM-dd>/<readId>-crop.jpg} and {@code -frame.jpg} (the UTC day of the read).
 *
 * <p>Writing happens on one background thread, never on a camera's: a pass's images wait in a bounded
 * queue, and when it is full the pass is stored without images and the drop is counted, so a slow disk
 * costs pictures, never frames. Each file is written under a temporary name and moved into place, so a
 * file that is there is whole. Day folders older than the retention are deleted, so the disk cannot fill.
 *
 * <p>Files are only ever found from a read's id and time: no path from a request is ever opened.
 */
public final class PlateReadImages implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlateReadImages.class);
    static final String FOLDER = "plate-reads";

    /** Which of a read's two pictures. */
    public enum Kind {
        CROP("crop"),
        FRAME("frame");

        private final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }
    }

    private final Path root;
    private final int keepDays;
    private final Clock clock;
    private final Semaphore room;
    private final ExecutorService writer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /**
     * @param dataDir the server's data directory
     * @param keepDays days of pictures kept (today counts as one)
     * @param capacity reads whose pictures may wait to be written; more are dropped
     */
    public PlateReadImages(Path dataDir, int keepDays, Clock clock, int capacity) {
        if (keepDays < 1) {
            throw new IllegalArgumentException("plate images must be kept at least 1 day, not " + keepDays);
        }
        this.root = dataDir.resolve(FOLDER).toAbsolutePath().normalize();
        this.keepDays = keepDays;
        this.clock = clock;
        this.room = new Semaphore(capacity);
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "plate-read-images");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }

    /** The crop's path relative to the data directory: what a read's {@code imagePath} holds. */
    public static String relativePath(long readId, Instant readAt, Kind kind) {
        return FOLDER + "/" + day(readAt) + "/" + readId + "-" + kind.suffix + ".jpg";
    }

    /**
     * Takes a place in the write queue for {@code reads} reads, before they are stored, so that a read only
     * names pictures that will be written. False (and counted) when the queue is full.
     */
    boolean reserve(int reads) {
        if (room.tryAcquire(reads)) {
            return true;
        }
        long n = dropped.addAndGet(reads);
        if (n == reads || n % 100 < reads) { // the first drop and every hundredth, not every one
            LOG.warn("plate images not saved: the writer is {} reads behind ({} dropped so far)", pending(), n);
        }
        return false;
    }

    /** Gives back a reservation that was not used (the reads were not stored). */
    void release(int reads) {
        room.release(reads);
    }

    /** Writes one reserved read's crop and frame in the background. */
    void write(long readId, Instant readAt, PlateEvidence evidence) {
        try {
            writer.execute(() -> writeNow(readId, readAt, evidence));
        } catch (RejectedExecutionException e) { // shutting down
            room.release();
            dropped.incrementAndGet();
        }
    }

    private void writeNow(long readId, Instant readAt, PlateEvidence evidence) {
        {
            try {
                save(readId, readAt, Kind.CROP, evidence.crop());
                save(readId, readAt, Kind.FRAME, evidence.frame());
                written.incrementAndGet();
            } catch (IOException | RuntimeException e) {
                long n = failed.incrementAndGet();
                LOG.warn("plate images of read {} not saved ({} failures so far): {}", readId, n, e.toString());
            } finally {
                room.release();
            }
        }
    }

    private void save(long readId, Instant readAt, Kind kind, BufferedImage image) throws IOException {
        Path target = file(relativePath(readId, readAt, kind));
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), readId + "-" + kind.suffix, ".part");
        try {
            // to the file itself: a stream would go through ImageIO's cache, whose shutdown hook fails the
            // last passes' pictures while the server stops on a SIGTERM
            if (!ImageIO.write(image, "jpg", temp.toFile())) {
                throw new IOException("no JPEG writer for a " + image.getType() + " image");
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The file of one picture of a read, when it was written and is still kept. */
    Optional<Path> find(long readId, Instant readAt, Kind kind) {
        Path file = file(relativePath(readId, readAt, kind));
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private Path file(String relative) {
        Path file = root.getParent().resolve(relative).normalize();
        if (!file.startsWith(root)) { // cannot happen with an id and a date; guards against future edits
            throw new IllegalArgumentException("not a plate image path: " + relative);
        }
        return file;
    }

    /** Deletes the day folders older than the retention (by their name, the UTC day of their reads). */
    public int purge() {
        LocalDate oldestKept = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(keepDays - 1L);
        int deleted = 0;
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (DirectoryStream<Path> days = Files.newDirectoryStream(root)) {
            for (Path day : days) {
                Optional<LocalDate> date = dateOf(day);
                if (date.isPresent() && date.get().isBefore(oldestKept)) {
                    deleteTree(day);
                    deleted++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("old plate images not deleted: {}", e.toString());
        }
        if (deleted > 0) {
            LOG.info("deleted {} day(s) of plate images older than {}", deleted, oldestKept);
        }
        return deleted;
    }

    private static Optional<LocalDate> dateOf(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(folder.getFileName().toString()));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // not ours: left alone
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    /** Reads whose pictures are waiting to be written. */
    public int pending() {
        return ((ThreadPoolExecutor) writer).getQueue().size() + ((ThreadPoolExecutor) writer).getActiveCount();
    }

    public long written() {
        return written.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Waits until the pictures queued so far are written (tests, and before shutting down). */
    public boolean awaitWritten(Duration limit) throws InterruptedException {
        try {
            writer.submit(() -> {}).get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (RejectedExecutionException e) {
            return true; // closed: nothing more will be written
        }
    }

    /** Finishes what is queued (a few seconds at most), then stops. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
