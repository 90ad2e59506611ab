package vn.bordergate.server.anpr;

import java.util.List;

/** How hard {@link CropReader} tries on a crop. */
enum ReadEffort {
    /** One plain read: enough to tell whether a region holds a plate at all. */
    QUICK(List.of(LineImage.Binarisation.PLAIN)),
    /**
     * Four differently prepared reads; the text they agree on most wins. The first two (plain, and plain at a
     * smaller scale) come first because they are right most often and, when they agree, the other two are
     * skipped ({@link CropReader#AGREED}).
     */
    FULL(List.of(
            LineImage.Binarisation.PLAIN,
            LineImage.Binarisation.SMALL,
            LineImage.Binarisation.GLOBAL,
            LineImage.Binarisation.EQUALISED)),
    /**
     * {@link #FULL} for an image that is a plate crop, not a finder region: when no read finds a plate it is also
     * read flattened against its background ({@link CropGrey#flattened}). Finder regions without a plate (signs,
     * grilles) would pay that read in every busy frame, for no plate gained on cn-scenes (docs/anpr.md).
     */
    CROP(FULL.binarisations);

    final List<LineImage.Binarisation> binarisations;

    ReadEffort(List<LineImage.Binarisation> binarisations) {
        this.binarisations = binarisations;
    }
}
