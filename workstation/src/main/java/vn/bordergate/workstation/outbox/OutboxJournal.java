package vn.bordergate.workstation.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.json.GateJson;

/**
 * The outbox on disk: an append-only journal of JSON lines ({@code outbox.jsonl}), each change written and
 * {@code fsync}ed before the call returns, so an action the officer saw accepted survives a crash, a kill
 * or a power cut. Why not an embedded database: the outbox holds a handful of actions with one writer, and
 * a journal needs no schema, no second Derby system beside the embedded server's, and no start-up time.
 *
 * <p>Reading it back replays the lines in order. A crash in the middle of a write leaves at most a torn
 * last line, which is dropped (its action was never reported as saved). The file is emptied whenever the
 * outbox is, and rewritten compactly when opened, so it stays small. One workstation at a time: the file
 * is locked while open. Blocking: use it from the background executor.
 */
public final class OutboxJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxJournal.class);
    static final String FILE = "outbox.jsonl";

    /** One line: what happened to which action. */
    record Line(String op, String key, OutboxAction action, ActionProblem problem) {}

    private final ObjectMapper json = GateJson.newClientMapper();
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Map<String, OutboxEntry> entries = new LinkedHashMap<>();

    private OutboxJournal(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Opens (creating it when absent) the outbox in {@code dir}; fails if another workstation has it open. */
    public static OutboxJournal open(Path dir) {
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(dir);
            lockChannel =
                    FileChannel.open(dir.resolve(FILE + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = lockOf(lockChannel, dir);
            Path file = dir.resolve(FILE);
            OutboxJournal replayed = new OutboxJournal(file, null, null);
            if (Files.exists(file)) {
                replayed.replay(Files.readAllBytes(file));
            }
            // rewrite what is still pending compactly (which also drops a torn last line), then append to it
            Path fresh = dir.resolve(FILE + ".new");
            try (FileChannel out = FileChannel.open(
                    fresh, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(ByteBuffer.wrap(replayed.compact()));
                out.force(true);
            }
            Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            OutboxJournal journal = new OutboxJournal(file, channel, lock);
            journal.entries.putAll(replayed.entries);
            return journal;
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new UncheckedIOException("cannot open the outbox in " + dir, e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    /** An outbox kept in memory only (tests of screens that never go offline). */
    public static OutboxJournal inMemory() {
        return new OutboxJournal(null, null, null);
    }

    private static FileLock lockOf(FileChannel channel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException("the outbox in " + dir + " is in use by another workstation window");
        }
        return lock;
    }

    /** Makes the rename itself durable (Linux needs the directory synced; elsewhere this may not work). */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot sync directory {}: {}", dir, e.getMessage());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing {}: {}", channel, e.getMessage());
            }
        }
    }

    public synchronized List<OutboxEntry> entries() {
        return List.copyOf(entries.values());
    }

    public synchronized void add(OutboxAction action) {
        write(new Line("ADD", action.key(), action, null));
        entries.put(action.key(), new OutboxEntry(action, false, null));
    }

    /** About to be sent (for the first time). */
    public synchronized void attempted(String key) {
        write(new Line("ATTEMPTED", key, null, null));
        entries.computeIfPresent(key, (k, e) -> e.asAttempted());
    }

    public synchronized void refused(String key, ActionProblem problem) {
        write(new Line("REFUSED", key, null, problem));
        entries.computeIfPresent(key, (k, e) -> e.with(problem));
    }

    /** Delivered (the server answered) or discarded by the officer: gone from the outbox. */
    public synchronized void remove(String key, String why) {
        if (entries.isEmpty() || !entries.containsKey(key)) {
            return;
        }
        write(new Line(why, key, null, null));
        entries.remove(key);
        if (entries.isEmpty() && channel != null) {
            try {
                channel.truncate(0);
                channel.force(true);
            } catch (IOException e) {
                LOG.warn("could not empty the outbox file {}: {}", file, e.getMessage());
            }
        }
    }

    private void write(Line line) {
        if (channel == null) {
            return;
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap((json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the outbox " + file, e);
        }
    }

    private void replay(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < text.length() - 1) {
            LOG.warn("outbox {}: dropped a torn last line (the workstation stopped while writing it)", file);
        }
        if (end < 0) {
            return;
        }
        for (String raw : text.substring(0, end).split("\n")) {
            if (raw.isBlank()) {
                continue;
            }
            Line line;
            try {
                line = json.readValue(raw, Line.class);
            } catch (JsonProcessingException e) {
                LOG.error("outbox {}: skipped an unreadable line: {}", file, e.getOriginalMessage());
                continue;
            }
            apply(line);
        }
    }

    private void apply(Line line) {
        switch (line.op()) {
            case "ADD" -> entries.put(line.key(), new OutboxEntry(line.action(), false, null));
            case "ATTEMPTED" -> entries.computeIfPresent(line.key(), (k, e) -> e.asAttempted());
            case "REFUSED" -> entries.computeIfPresent(line.key(), (k, e) -> e.with(line.problem()));
            default -> entries.remove(line.key()); // DELIVERED, DISCARDED
        }
    }

    private byte[] compact() throws JsonProcessingException {
        List<Line> lines = new ArrayList<>();
        for (OutboxEntry e : entries.values()) {
            lines.add(new Line("ADD", e.key(), e.action(), null));
            if (e.attempted()) {
                lines.add(new Line("ATTEMPTED", e.key(), null, null));
            }
            if (e.problem() != null) {
                lines.add(new Line("REFUSED", e.key(), null, e.problem()));
            }
        }
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append(json.writeValueAsString(line)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        try {
            if (channel != null) {
                channel.close();
            }
            if (lock != null) {
                lock.channel().close(); // releases the lock
            }
        } catch (IOException e) {
            LOG.warn("closing the outbox {}: {}", file, e.getMessage());
        }
    }
}
