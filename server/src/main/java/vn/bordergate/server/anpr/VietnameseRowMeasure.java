package vn.bordergate.server.anpr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Measures the Vietnamese line network alone on the rows of a labelled folder's two-row crops: each row cut by the
 * reader's code ({@link PlateRows}) and read greedily, against its part of the label (a motorbike plate's top row is
 * its first four characters, a two-row car plate's its first three). For measuring only.
 *
 * <pre>
 * java -cp … vn.bordergate.server.anpr.VietnameseRowMeasure VN_MIXED_FOLDER [A.onnx,B.onnx]
 * </pre>
 */
public final class VietnameseRowMeasure {
    private VietnameseRowMeasure() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        LineNetworks network = args.length > 1 ? VietnameseLine.files(args[1]) : VietnameseLine.bundledRowLines();
        int crops = 0;
        int cut = 0;
        int[] tops = new int[3];
        int[] bottoms = new int[3];
        int[] both = new int[3];
        for (String line : Files.readAllLines(folder.resolve("labels.csv"))) {
            String[] f = line.split(",");
            if (f.length < 5 || !f[3].equals("two_row")) {
                continue;
            }
            Mat bgr = ImageDecoder.read(folder.resolve(f[0])).orElse(null);
            if (bgr == null || bgr.empty()) {
                continue;
            }
            crops++;
            int split = f[4].startsWith("car") ? 3 : 4;
            String top = f[2].substring(0, split);
            String bottom = f[2].substring(split);
            try (Mat grey = CropGrey.straight(bgr)) {
                if (grey.cols() < CropReader.MIN_WIDTH || grey.rows() < CropReader.MIN_HEIGHT) {
                    continue;
                }
                PlateRows rows = PlateRows.of(grey);
                if (!rows.twoRows()) {
                    continue;
                }
                cut++;
                for (int way = 0; way < 3; way++) {
                    boolean t = top.equals(read(network, grey, rows.top(), way));
                    boolean b = bottom.equals(read(network, grey, rows.bottom(), way));
                    tops[way] += t ? 1 : 0;
                    bottoms[way] += b ? 1 : 0;
                    both[way] += t && b ? 1 : 0;
                }
            } finally {
                bgr.close();
            }
        }
        String[] ways = {"stretched", "padded left", "padded centred"};
        System.out.printf("%d two-row crops, %d cut into two rows%n", crops, cut);
        for (int way = 0; way < 3; way++) {
            System.out.printf("%-15s top %d, bottom %d, both %d%n", ways[way], tops[way], bottoms[way], both[way]);
        }
    }

    private static String read(LineNetworks network, Mat grey, Rect band, int way) {
        float[] input = way == 0 ? VietnameseLine.input(grey, band) : VietnameseLine.rowInput(grey, band, way == 2);
        return network.read(List.of(input)).get(0).best();
    }
}
