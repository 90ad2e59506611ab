package vn.bordergate.server.anpr;

/**
 * When a plain read that saw no text at all is read again with the frame removed. A Chinese blue plate has a white
 * rim just inside its edge; after the plain read's one threshold (light text made dark) it is a closed box around the
 * characters, Tesseract takes the boxed line for a picture and returns nothing, though the row holds a plate's
 * characters. The frame-and-specks-removed line ({@link LineImage.Binarisation#GLOBAL}) of the same row reads. On
 * cn-scenes two clean blue plates, seven character blobs each, read nothing this way and were never read further (075,
 * 084; docs/anpr.md, "Scenes: the rim, pale blue plates"). Only a blue crop whose row shows nearly a whole plate's
 * characters is read again: with any colour, the lane benchmark's junk regions (grilles, lights) paid the second OCR
 * call and frames got 2–4 ms slower.
 */
final class RimmedPlainRead {
    /** At least this many character blobs in a one-row region (a one-row plate has seven to nine characters). */
    static final int CHARACTERS = 6;

    private RimmedPlainRead() {}

    /**
     * Whether {@code read}, made with {@code binarisation} of a crop with {@code rows}, is read again framed off. Only a
     * quick read: it alone decides whether a finder region is read further, while a full read reads the frame-removed
     * line anyway (re-reading an empty plain line there lost a cn-crops and two vn-one-row crops, a vote tipped). A full
     * read that follows the quick one takes the framed-off read for its frame-removed line ({@link #known}).
     */
    static boolean readAgain(ReadEffort effort, LineImage.Binarisation binarisation, CropRead read, PlateRows rows) {
        return effort == ReadEffort.QUICK
                && binarisation == LineImage.Binarisation.PLAIN
                && read.raw().isBlank()
                && read.colour() == PlateColour.BLUE
                && !rows.twoRows()
                && rows.characters() >= CHARACTERS;
    }

    /**
     * What a full read that follows {@code quick} knows already of the line {@code binarisation}: the plain line's read,
     * or, when the quick read was read again framed off, a blank plain read and the frame-removed line's read (so the
     * vote counts each line once: counting the framed-off read for both lost cn-crops when the rule ran in full reads);
     * null when that line is still to be read.
     */
    static CropRead known(CropRead quick, LineImage.Binarisation binarisation, PlateColour colour) {
        if (!quick.framedOff()) {
            return binarisation == LineImage.Binarisation.PLAIN ? quick : null;
        }
        return switch (binarisation) {
            case PLAIN -> new CropRead(null, "", colour, quick.twoRows());
            case GLOBAL -> quick;
            default -> null;
        };
    }
}
