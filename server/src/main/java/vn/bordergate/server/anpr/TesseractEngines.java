package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One persistent {@link TesseractEngine} per worker thread, created on the thread's first read and reused for
 * every read after it (Tesseract's initialisation costs ten times a plate read). {@link #close()} ends them all.
 */
public final class TesseractEngines implements AutoCloseable {
    private final TesseractModel model;
    private final ThreadLocal<TesseractEngine> perThread = new ThreadLocal<>();
    private final List<TesseractEngine> all = new ArrayList<>();
    private final AtomicInteger created = new AtomicInteger();
    private volatile boolean closed;

    public TesseractEngines(TesseractModel model) {
        this.model = model;
    }

    /** The calling thread's engine, initialised on first use. */
    public TesseractEngine forCurrentThread() {
        if (closed) {
            throw new IllegalStateException("engines closed");
        }
        TesseractEngine engine = perThread.get();
        if (engine == null) {
            engine = new TesseractEngine(model);
            created.incrementAndGet();
            perThread.set(engine);
            synchronized (all) {
                all.add(engine);
            }
        }
        return engine;
    }

    /** Whether the engines read with the English model (whose one-way confusions {@link OneWayConfusion} knows). */
    boolean english() {
        return model.language().equals("eng");
    }

    /** How many engines have been initialised so far (one per thread that has read). */
    public int created() {
        return created.get();
    }

    /** Ends every engine; call when no thread reads any more. */
    @Override
    public void close() {
        closed = true;
        synchronized (all) {
            all.forEach(TesseractEngine::close);
            all.clear();
        }
    }
}
