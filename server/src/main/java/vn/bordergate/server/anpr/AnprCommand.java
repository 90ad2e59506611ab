package vn.bordergate.server.anpr;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code anpr PATH... [--csv OUT]}: reads the plates in image files, folders of images (recursively) and video
 * files, and writes {@code file,plate,confidence,ms} per image (per frame for a video), then a summary line
 * starting with {@code #}. It never reads labels; {@link AnprScoreCommand} scores its output.
 */
@Command(
        name = "anpr",
        description = {
            "Reads licence plates in image files, folders of images and video files.",
            "Writes CSV rows file,plate,confidence,ms (an empty plate when none is found), then a '#' summary line.",
            "A file in a folder is named relative to that folder (images/x.jpg for FOLDER/images/x.jpg);"
                    + " a video frame as VIDEO#N."
        })
public final class AnprCommand implements Callable<Integer> {
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help and exit")
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "image files, folders of images, video files")
    List<Path> paths;

    @Option(names = "--csv", paramLabel = "OUT", description = "write the CSV here instead of standard output")
    Path csv;

    @Option(
            names = "--threads",
            defaultValue = "1",
            description = "worker threads, each with its own Tesseract engine (default ${DEFAULT-VALUE})")
    int threads;

    @Option(
            names = "--every",
            defaultValue = "1",
            description = "for videos: read every Nth frame (default ${DEFAULT-VALUE})")
    int every;

    @Option(names = "--traineddata", paramLabel = "FILE", description = "another Tesseract model to read with")
    Path traineddata;

    @Option(
            names = "--model",
            paramLabel = "NAME",
            description = "a bundled Tesseract model to read with: plate or eng (default: the reader's own choice)")
    String modelName;

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<AnprInputs.Item> items = new ArrayList<>();
        int missing = 0;
        for (Path path : paths) {
            if (!Files.exists(path)) {
                System.err.println("anpr: no such file or folder: " + path);
                missing++;
                continue;
            }
            items.addAll(AnprInputs.expand(path));
        }
        TesseractModel model;
        try {
            model = traineddata != null
                    ? TesseractModel.fromFile(traineddata)
                    : modelName != null ? TesseractModel.bundled(modelName) : PlateReader.defaultModel();
        } catch (IllegalArgumentException e) {
            System.err.println("anpr: " + e.getMessage());
            return 2;
        }
        long start = System.nanoTime();
        AnprSummary summary = new AnprSummary();
        try (OutputStream out = csv == null ? new NonClosing(System.out) : Files.newOutputStream(csv);
                PrintWriter writer = new PrintWriter(out, false, StandardCharsets.UTF_8);
                PlateReader reader = new PlateReader(model)) {
            writer.println("file,plate,confidence,ms");
            run(items, reader, writer, summary);
            writer.println(summary.line((System.nanoTime() - start) / 1e9));
        }
        return missing > 0 ? 2 : 0;
    }

    private void run(List<AnprInputs.Item> items, PlateReader reader, PrintWriter writer, AnprSummary summary)
            throws InterruptedException {
        int workers = Math.max(1, threads);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "anpr-reader");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<AnprRow>> inFlight = new ArrayDeque<>();
        try {
            for (AnprInputs.Item item : items) {
                if (item.video()) {
                    AnprVideo.frames(item, Math.max(1, every), (name, frame) -> {
                        submit(pool, inFlight, () -> readFrame(reader, name, frame), workers, writer, summary);
                    });
                } else {
                    submit(pool, inFlight, () -> readFile(reader, item), workers, writer, summary);
                }
            }
            while (!inFlight.isEmpty()) {
                write(inFlight.removeFirst(), writer, summary);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void submit(
            ExecutorService pool,
            Deque<Future<AnprRow>> inFlight,
            Callable<AnprRow> task,
            int workers,
            PrintWriter writer,
            AnprSummary summary) {
        inFlight.addLast(pool.submit(task));
        while (inFlight.size() > workers * 4) {
            write(inFlight.removeFirst(), writer, summary);
        }
    }

    private static void write(Future<AnprRow> future, PrintWriter writer, AnprSummary summary) {
        AnprRow row;
        try {
            row = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reader failed", e.getCause());
        }
        summary.add(row);
        writer.println(row.csv());
    }

    static AnprRow readFile(PlateReader reader, AnprInputs.Item item) {
        Mat image = ImageDecoder.read(item.path()).orElse(null);
        if (image == null) {
            return AnprRow.unreadable(item.name());
        }
        return readFrame(reader, item.name(), image);
    }

    /** Reads one decoded image and releases it. */
    static AnprRow readFrame(PlateReader reader, String name, Mat image) {
        try {
            long t0 = System.nanoTime();
            List<PlateCandidate> plates;
            try {
                plates = reader.read(image);
            } catch (RuntimeException e) {
                // one bad image must not end a run of thousands
                System.err.println("anpr: " + name + ": " + e);
                plates = List.of();
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            return plates.isEmpty()
                    ? new AnprRow(name, "", 0, ms, true)
                    : new AnprRow(name, plates.get(0).text(), plates.get(0).confidence(), ms, true);
        } finally {
            image.close();
        }
    }

    /** One CSV row. */
    record AnprRow(String file, String plate, double confidence, double ms, boolean decoded) {
        static AnprRow unreadable(String file) {
            return new AnprRow(file, "", 0, 0, false);
        }

        String csv() {
            return CsvLine.quote(file) + "," + CsvLine.quote(plate) + ","
                    + String.format(Locale.ROOT, "%.3f,%.1f", confidence, ms);
        }
    }

    /** Standard output that survives the try-with-resources of the writer. */
    private static final class NonClosing extends PrintStream {
        NonClosing(PrintStream out) {
            super(out, false, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            flush();
        }
    }
}
