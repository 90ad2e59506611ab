package vn.bordergate.workstation.kiosk;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the QR code in a camera frame with ZXing: a ticket or declaration held up to the kiosk. */
public final class QrDecoder {
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER,
            Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS,
            List.of(BarcodeFormat.QR_CODE),
            DecodeHintType.CHARACTER_SET,
            "UTF-8");

    private final QRCodeReader reader = new QRCodeReader();

    /** The payload of the QR code in {@code frame}, empty when there is none (or it can't be read). */
    public Optional<String> decode(BufferedImage frame) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(frame)));
        try {
            Result result = reader.decode(bitmap, HINTS);
            return Optional.of(result.getText());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (ReaderException e) {
            return Optional.empty(); // a code half in view or blurred: the next frame may do
        } finally {
            reader.reset();
        }
    }
}
