package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The plate recognizer: finds plates in an image with {@link PlateFinder}, reads each with Tesseract (one
 * persistent engine per calling thread) and repairs the text with the plate grammar. An image that is itself a
 * plate crop (plate proportions, small) is read directly. Thread-safe: call it from any number of worker
 * threads; {@link #close()} once they have stopped.
 */
public final class PlateReader implements AutoCloseable {
    /** Latin characters a quick read without a plate needs to be read fully (a plate has at least six). */
    static final int PROMISING_TEXT = 4;

    /** A whole image this small (or a one-row plate's proportions) is first read as a crop. */
    static final int CROP_MAX_WIDTH = 800;
    /** A read from a whole-image crop this confident is taken without searching the image. */
    static final double CROP_ACCEPT = 0.5;
    /** Candidates below this confidence are dropped as noise. */
    static final double MIN_CONFIDENCE = 0.15;

    /**
     * A finder region whose quick read gives a plate this confident (of a kind its colour does not make unlikely)
     * settles the frame: the regions ranked after it are not read (see {@link #settles}).
     */
    static final double SETTLED = 0.5;

    /** At most this many finder regions get a full read after the quick one. */
    static final int FULL_READS = 4;

    private final TesseractEngines engines;
    private final CropReader crops;
    private final PlateFinder finder = new PlateFinder();
    private final boolean lastLook;

    /** A reader with the bundled model measured best on the real dev sets ({@link #defaultModel()}). */
    public PlateReader() {
        this(defaultModel());
    }

    /** The bundled model readers use unless told otherwise (docs/anpr.md, "The plate model", has the figures). */
    public static TesseractModel defaultModel() {
        return TesseractModel.bundledEnglish();
    }

    public PlateReader(TesseractModel model) {
        this(model, LastLook.WANTED);
    }

    private PlateReader(TesseractModel model, boolean lastLook) {
        this.engines = new TesseractEngines(model);
        this.crops = new CropReader(engines, ProvinceClassifier.bundled(), SerialClassifier.bundled());
        this.lastLook = lastLook;
    }

    /**
     * A reader for a lane camera's frames, without the {@link LastLook}: a lane sees each vehicle in many frames, so a
     * frame with nothing read is mostly an empty lane, and there the last look would cost every frame about 60 ms of CPU
     * (measured on the cn-scenes photos with their plates painted out) for a plate the next frames may well give.
     */
    public static PlateReader forLaneCamera() {
        return new PlateReader(defaultModel(), false);
    }

    /** The per-thread engines (for tests and metrics: how many were initialised). */
    public TesseractEngines engines() {
        return engines;
    }

    /**
     * Every plate read in an image (a camera frame or a crop; 8-bit BGR, or grey, BGRA or 16-bit, converted
     * first), most confident first; empty when none. Boxes are in the image's pixels. The image is not kept or
     * released.
     */
    public List<PlateCandidate> read(Mat image) {
        if (image == null || image.empty()) {
            return List.of();
        }
        if (image.channels() != 3 || image.depth() != org.bytedeco.opencv.global.opencv_core.CV_8U) {
            Mat bgr = ImageDecoder.toBgr8(image.clone());
            try {
                return read(bgr);
            } finally {
                bgr.close();
            }
        }
        List<PlateCandidate> out = new ArrayList<>();
        if (looksLikeCrop(image)) {
            Optional<PlateCandidate> whole =
                    readRegion(image, PlateRegion.whole(image), PlateRegion.MARGIN, ReadEffort.CROP, null);
            if (whole.isPresent() && whole.get().confidence() >= CROP_ACCEPT) {
                return List.of(whole.get());
            }
            whole.ifPresent(out::add);
        }
        List<PlateRegion> regions = finder.find(image);
        readRegions(image, regions, out);
        List<PlateRegion> second = List.of();
        if (SecondLook.WANTED
                && PlateCandidate.distinct(new ArrayList<>(out), MIN_CONFIDENCE).isEmpty()) {
            // nothing read: look again with the frame's contrast equalised, at the regions the first look missed
            second = SecondLook.unseen(finder.findEqualised(image), regions);
            readRegions(image, second, out);
        }
        if (lastLook
                && PlateCandidate.distinct(new ArrayList<>(out), MIN_CONFIDENCE).isEmpty()) {
            for (PlateRegion region : LastLook.regions(regions, second)) {
                readRegion(image, region, PlateRegion.MARGIN, ReadEffort.CROP, null)
                        .filter(c -> c.confidence() >= LastLook.MIN_CONFIDENCE)
                        .ifPresent(out::add);
            }
        }
        return PlateCandidate.distinct(out, MIN_CONFIDENCE);
    }

    /** Reads the finder's {@code regions} of {@code image} (quick reads, then full ones), adding the plates to out. */
    private void readRegions(Mat image, List<PlateRegion> regions, List<PlateCandidate> out) {
        List<Quick> quick = new ArrayList<>();
        boolean settled = false;
        for (PlateRegion region : regions) {
            Quick loose = quickRead(image, region, PlateRegion.MARGIN);
            // a blue plate cut with its light surroundings: Otsu splits plate from surroundings, not text from
            // plate, and no character is seen; cut tight to the finder's box, the text stands out (cn-scenes:
            // 24 photos had a region on the plate read as nothing, docs/anpr.md "Tight second cut")
            Quick read = TightCuts.tightCutWanted(region, loose.read)
                    ? better(loose, quickRead(image, region, PlateRegion.TIGHT_MARGIN))
                    : loose;
            quick.add(read);
            if (settles(read.read)) {
                settled = true;
                break;
            }
        }
        // the most promising regions get a full read: a quick plate first, then the longest quick text
        quick.sort(Comparator.comparingDouble(Quick::promise).reversed());
        int full = 0;
        boolean cutTight = false;
        for (Quick q : quick) {
            if (q.promise() <= 0 || settled && !q.read.found()) {
                // in a settled frame the regions whose quick read gave no plate (signs, grille text) are not read
                // fully: on the benchmark frames and cn-scenes none of their full reads beat the settled plate
                break;
            }
            boolean fullRead = full++ < FULL_READS;
            Optional<PlateCandidate> candidate = fullRead
                    ? readRegion(image, q.region, q.margin, ReadEffort.FULL, q.read)
                    : q.read.found() ? Optional.of(candidate(image, q.region, q.read)) : Optional.empty();
            candidate.ifPresent(out::add);
            if (fullRead && !cutTight && q.margin == PlateRegion.MARGIN && candidate.isPresent()) {
                cutTight = true;
                readTightToo(image, q.region, candidate.get()).ifPresent(out::add);
            }
        }
    }

    /** The most confident plate of an image, if any. */
    public Optional<PlateCandidate> readBest(Mat image) {
        return read(image).stream().findFirst();
    }

    /** Reads an image known to be one plate crop (no search). */
    public Optional<PlateCandidate> readCrop(Mat crop) {
        if (crop == null || crop.empty()) {
            return Optional.empty();
        }
        if (crop.channels() != 3 || crop.depth() != org.bytedeco.opencv.global.opencv_core.CV_8U) {
            Mat bgr = ImageDecoder.toBgr8(crop.clone());
            try {
                return readCrop(bgr);
            } finally {
                bgr.close();
            }
        }
        return readRegion(crop, PlateRegion.whole(crop), PlateRegion.MARGIN, ReadEffort.CROP, null);
    }

    /**
     * Whether a region's quick read ends the search of its frame: a plate read at least {@link #SETTLED} confidently,
     * of a kind the crop's colour does not make unlikely. The regions ranked after it (lights, grille, rain, the
     * plate's own frame) cost a cut and a row count each and an OCR call for some; on the 70 benchmark frames and
     * the 128 cn-scenes photos no frame's most confident plate came from them (docs/anpr.md, "Frame path, part
     * two"). The same confidence takes a whole-image crop's read without searching ({@link #CROP_ACCEPT}).
     */
    static boolean settles(CropRead quick) {
        return quick.found()
                && quick.confidence() >= SETTLED
                && quick.colour().unlikely(quick.match().kind()) == 0;
    }

    /**
     * A one-row region whose loose cut was read as a plate is also read cut tight when that cut is blue (or yellow or
     * green and the loose read Chinese), and the more confident plate wins: the loose cut takes in the car around the
     * plate, which tips Otsu, the colour (a blue plate cut with a white car body counts as white, so a military
     * reading is not made unlikely) and the glyph fit. On cn-scenes the tight cut's read was right on five photos where
     * the loose one had a glyph wrong, the province lost or flipped (docs/anpr.md, "Scenes: both cuts"). The tight cut
     * is read quickly first and only read fully when that read differs from the loose plate, and a Vietnamese yellow
     * plate (white ones anyway) is not cut again, to keep a lane frame's cost down. Only the most promising region that
     * gave a plate is cut again: every further one added to the frames' p95 and won no photo (docs/anpr.md).
     */
    private Optional<PlateCandidate> readTightToo(Mat image, PlateRegion region, PlateCandidate loose) {
        if (!TightCuts.TIGHT_TOO || !TightCuts.oneRowShaped(region)) {
            return Optional.empty(); // before cutting: the colour of the cut decides the rest
        }
        Mat cut = region.cut(image, PlateRegion.TIGHT_MARGIN);
        try {
            if (!TightCuts.tightTooWanted(region, PlateColour.of(cut), loose)) {
                return Optional.empty();
            }
            CropRead quick = crops.read(cut, ReadEffort.QUICK);
            if (quick.found() && quick.text().equals(loose.text())) {
                return Optional.empty();
            }
            CropRead read = crops.read(cut, ReadEffort.FULL, quick);
            return read.found() && read.confidence() >= MIN_CONFIDENCE
                    ? Optional.of(candidate(image, region, read))
                    : Optional.empty();
        } finally {
            cut.close();
        }
    }

    /** {@code quick}: the region's quick read (the same cut), or null. */
    private Optional<PlateCandidate> readRegion(
            Mat image, PlateRegion region, double margin, ReadEffort effort, CropRead quick) {
        Mat cut = region.cut(image, margin);
        try {
            CropRead read = crops.read(cut, effort, quick);
            return read.found() && read.confidence() >= MIN_CONFIDENCE
                    ? Optional.of(candidate(image, region, read))
                    : Optional.empty();
        } finally {
            cut.close();
        }
    }

    private static PlateCandidate candidate(Mat image, PlateRegion region, CropRead read) {
        return new PlateCandidate(
                read.text(),
                read.confidence(),
                region.box(image.cols(), image.rows()),
                read.colour(),
                read.twoRows(),
                read.raw(),
                read.match());
    }

    /** A plate-proportioned image small enough to be a crop rather than a scene. */
    static boolean looksLikeCrop(Mat image) {
        double aspect = (double) image.cols() / image.rows();
        boolean oneRow = aspect >= 2.5 && aspect <= 8;
        boolean twoRows = aspect >= 0.9 && aspect < 2.5 && image.cols() <= CROP_MAX_WIDTH;
        return oneRow || twoRows;
    }

    @Override
    public void close() {
        engines.close();
    }

    private Quick quickRead(Mat image, PlateRegion region, double margin) {
        Mat cut = region.cut(image, margin);
        try {
            return new Quick(region, margin, crops.read(cut, ReadEffort.QUICK));
        } finally {
            cut.close();
        }
    }

    private static Quick better(Quick a, Quick b) {
        return b.promise() > a.promise() ? b : a;
    }

    /**
     * How promising a region's quick read is: above 1 for a quick plate (by confidence), 0..1 for Latin text of plate
     * length (at least {@link #PROMISING_TEXT} characters), 0 for less. A region of promise 0 gets no full read, so a
     * quick read {@link TwoRowQuickRead#ended} early (fewer characters) never stands in for a full read's plain read.
     */
    static double promise(CropRead read) {
        if (read.found()) {
            return 1 + read.confidence();
        }
        long latin = CropRead.latinCharacters(read.raw());
        return latin >= PROMISING_TEXT ? Math.min(1, latin / 10.0) : 0;
    }

    /** A region, the margin it was cut with, and its quick read. */
    private record Quick(PlateRegion region, double margin, CropRead read) {
        double promise() {
            return PlateReader.promise(read);
        }
    }
}
