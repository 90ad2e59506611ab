package vn.bordergate.server.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.Map;

/** QR codes as images for templates, drawn from ZXing's bit matrix (no ZXing javase needed). */
public final class QrCodes {
    private static final int BLACK = 0xFF000000;
    private static final int WHITE = 0xFFFFFFFF;

    private QrCodes() {}

    /**
     * A square black-on-white QR code of {@code payload}, {@code sizePx} wide, with a one-module quiet
     * zone (the printed box around it gives the rest). Error correction M survives a worn slip.
     */
    public static BufferedImage image(String payload, int sizePx) {
        if (payload == null || payload.isEmpty()) {
            throw new IllegalArgumentException("a QR code needs a payload");
        }
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(
                            payload,
                            BarcodeFormat.QR_CODE,
                            sizePx,
                            sizePx,
                            Map.of(
                                    EncodeHintType.MARGIN,
                                    1,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8",
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M));
            BufferedImage image =
                    new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? BLACK : WHITE);
                }
            }
            return image;
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code holds " + payload.length() + " characters", e);
        }
    }
}
