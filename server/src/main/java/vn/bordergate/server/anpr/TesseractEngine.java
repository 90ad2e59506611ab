package vn.bordergate.server.anpr;

import static org.bytedeco.tesseract.global.tesseract.OEM_LSTM_ONLY;
import static org.bytedeco.tesseract.global.tesseract.PSM_SINGLE_LINE;
import static org.bytedeco.tesseract.global.tesseract.RIL_SYMBOL;
import static org.bytedeco.tesseract.global.tesseract.TessBaseAPIGetIterator;
import static org.bytedeco.tesseract.global.tesseract.TessChoiceIteratorDelete;
import static org.bytedeco.tesseract.global.tesseract.TessDeleteText;
import static org.bytedeco.tesseract.global.tesseract.TessResultIteratorDelete;
import static org.bytedeco.tesseract.global.tesseract.TessResultIteratorGetChoiceIterator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.tesseract.ChoiceIterator;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.StringVector;
import org.bytedeco.tesseract.TessBaseAPI;
import vn.bordergate.common.plate.PlateGrammarSymbol;

/**
 * One initialised Tesseract (bytedeco's bundled natives, LSTM only, single-line mode), kept for the life of a
 * worker thread: initialising takes about 50 ms, a plate line then takes a few. Not thread-safe; get one per
 * thread from {@link TesseractEngines}. The native library is built without OpenMP, so each call runs on the
 * calling thread only.
 */
public final class TesseractEngine implements AutoCloseable {
    /** Characters a plate line can hold; the grammar repairs the rest. */
    static final String PLATE_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /**
     * How many times the LSTM's beam search is run again for each line to find alternatives, each run barring the
     * characters found before ({@code lstm_choice_iterations}; Tesseract's default is 5): a symbol then carries its
     * best character and up to this many others. Each run walks every time step of the line again: three instead of
     * five saved about 3 % of a one-row crop's CPU and changed 16 of the dev sets' 3 800 reads, 5 plates won and 3 lost
     * (docs/anpr.md, "Crop time: a row scaled once, fewer alternatives per symbol").
     */
    static final int CHOICE_ITERATIONS = 3;

    /** How much an alternative the LSTM considered counts against the symbol it chose. */
    private static final double ALTERNATIVE_WEIGHT = 0.8;

    private final TessBaseAPI api = new TessBaseAPI();
    private final TesseractModel model;
    private boolean closed;
    private long lines;
    /** Whether Tesseract's inverted second pass is on now (its default; see {@link #readLine(Mat, boolean)}). */
    private boolean invertedPass = true;

    public TesseractEngine(TesseractModel model) {
        this.model = model;
        // dictionaries only pull plate text towards English words; init-only, so they go in with Init
        StringVector names = new StringVector("load_system_dawg", "load_freq_dawg", "load_punc_dawg");
        StringVector values = new StringVector("0", "0", "0");
        BytePointer data = new BytePointer(model.data());
        try {
            int rc = api.Init(
                    data,
                    model.data().length,
                    new BytePointer(model.language()),
                    OEM_LSTM_ONLY,
                    (PointerPointer<?>) null,
                    0,
                    names,
                    values,
                    false,
                    null);
            if (rc != 0) {
                api.close();
                throw new IllegalStateException("Tesseract could not load the " + model.language() + " model");
            }
        } finally {
            data.close();
            names.close();
            values.close();
        }
        api.SetPageSegMode(PSM_SINGLE_LINE);
        api.SetVariable("tessedit_char_whitelist", PLATE_CHARACTERS);
        // per-character alternatives from the LSTM, for the grammar repair
        api.SetVariable("lstm_choice_mode", "2");
        api.SetVariable("lstm_choice_iterations", String.valueOf(CHOICE_ITERATIONS));
        if (new java.io.File("/dev/null").exists()) {
            // Tesseract's own diagnostics ("Empty page!!") would otherwise go to stderr for every blank region
            api.SetVariable("debug_file", "/dev/null");
        }
    }

    public TesseractModel model() {
        return model;
    }

    /** How many lines this engine has read. */
    public long lines() {
        return lines;
    }

    /**
     * Reads one text line from an 8-bit one-channel image (dark text on a light background reads best; the
     * caller pads it with a margin).
     */
    public LineRead readLine(Mat grey) {
        return readLine(grey, true);
    }

    /**
     * {@link #readLine(Mat)}, with or without Tesseract's second pass over the line inverted when the first reads it
     * doubtfully ({@code tessedit_do_invert}, below a mean certainty of 0.7): the line images are dark on light
     * already, so the pass mostly rereads junk, but it saves a plate whose polarity was misjudged now and then.
     */
    public LineRead readLine(Mat grey, boolean invertedToo) {
        if (closed) {
            throw new IllegalStateException("engine closed");
        }
        if (grey.empty() || grey.channels() != 1 || grey.depth() != org.bytedeco.opencv.global.opencv_core.CV_8U) {
            throw new IllegalArgumentException("need an 8-bit one-channel image, got " + grey);
        }
        Mat image = grey.isContinuous() ? grey : grey.clone();
        lines++;
        if (invertedToo != invertedPass) {
            invertedPass = invertedToo;
            api.SetVariable("tessedit_do_invert", invertedToo ? "1" : "0");
        }
        api.SetImage(image.data(), image.cols(), image.rows(), 1, (int) image.step());
        api.SetSourceResolution(300);
        try {
            if (api.Recognize(null) != 0) {
                return LineRead.empty();
            }
            return symbols();
        } finally {
            api.Clear();
            if (image != grey) {
                image.close();
            }
        }
    }

    private LineRead symbols() {
        ResultIterator it = TessBaseAPIGetIterator(api);
        if (it == null || it.isNull()) {
            return LineRead.empty();
        }
        StringBuilder text = new StringBuilder();
        List<PlateGrammarSymbol> symbols = new ArrayList<>();
        try {
            do {
                if (it.Empty(RIL_SYMBOL)) {
                    continue;
                }
                BytePointer raw = it.GetUTF8Text(RIL_SYMBOL);
                if (raw == null || raw.isNull()) {
                    continue;
                }
                String best = raw.getString(java.nio.charset.StandardCharsets.UTF_8);
                TessDeleteText(raw);
                if (best.isEmpty()) {
                    continue;
                }
                float confidence = it.Confidence(RIL_SYMBOL);
                text.append(best);
                symbols.add(symbol(it, best.charAt(0), confidence));
            } while (it.Next(RIL_SYMBOL));
        } finally {
            TessResultIteratorDelete(it);
        }
        return new LineRead(text.toString(), symbols);
    }

    private static PlateGrammarSymbol symbol(ResultIterator it, char best, float confidence) {
        Map<Character, Double> choices = new LinkedHashMap<>();
        double top = clamp(confidence / 100.0);
        choices.put(best, top);
        ChoiceIterator ci = TessResultIteratorGetChoiceIterator(it);
        if (ci != null && !ci.isNull()) {
            try {
                do {
                    BytePointer t = ci.GetUTF8Text();
                    if (t == null || t.isNull()) {
                        continue;
                    }
                    String s = t.getString(java.nio.charset.StandardCharsets.UTF_8);
                    if (!s.isEmpty() && s.charAt(0) != best) {
                        // LSTM choice confidences are not calibrated against the chosen symbol's: rank them below it
                        double p = Math.min(clamp(ci.Confidence() / 100.0), top) * ALTERNATIVE_WEIGHT;
                        choices.merge(s.charAt(0), p, Math::max);
                    }
                } while (ci.Next());
            } finally {
                TessChoiceIteratorDelete(ci);
            }
        }
        List<PlateGrammarSymbol.Choice> list = new ArrayList<>();
        choices.forEach((c, p) -> list.add(new PlateGrammarSymbol.Choice(c, p)));
        return new PlateGrammarSymbol(list);
    }

    private static double clamp(double p) {
        return Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, p));
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            api.End();
            api.close();
        }
    }
}
