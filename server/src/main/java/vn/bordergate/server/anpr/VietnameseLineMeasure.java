package vn.bordergate.server.anpr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the Vietnamese line network alone on a labelled folder of one-row Vietnamese crops: each crop cut by the
 * reader's code ({@link VietnameseLine}) and read greedily, against its label. For measuring only (those photo sets
 * carry no licence to train on). {@code --dump OUT.bin} writes the cut lines and labels instead, for a look.
 *
 * <pre>
 * java -cp … vn.bordergate.server.anpr.VietnameseLineMeasure VN_ONE_ROW_FOLDER [A.onnx[,B.onnx…] | --dump OUT.bin]
 * </pre>
 */
public final class VietnameseLineMeasure {
    private VietnameseLineMeasure() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        List<float[]> inputs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int crops = lines(folder, inputs, labels);
        if (args.length > 2 && args[1].equals("--dump")) {
            LineCtc.writeSamples(
                    Path.of(args[2]),
                    VietnameseLine.WIDTH,
                    VietnameseLine.HEIGHT,
                    inputs,
                    labels,
                    VietnameseLine.ALPHABET);
            System.out.printf("%d crops, %d one-row lines written%n", crops, inputs.size());
            return;
        }
        LineNetworks networks = args.length > 1 ? VietnameseLine.files(args[1]) : VietnameseLine.bundledLines();
        int right = 0;
        long start = System.nanoTime();
        for (int i = 0; i < inputs.size(); i++) {
            right += networks.read(List.of(inputs.get(i))).get(0).best().equals(labels.get(i)) ? 1 : 0;
        }
        double ms = (System.nanoTime() - start) / 1e6 / Math.max(1, inputs.size());
        System.out.printf(
                "%d crops, %d one-row lines; read exactly (best path) %d = %.1f %% of the crops; %.2f ms per line%n",
                crops, inputs.size(), right, 100.0 * right / Math.max(1, crops), ms);
    }

    /** The one-row lines of the folder's labelled crops (suspect labels left out); how many crops were read. */
    static int lines(Path folder, List<float[]> inputs, List<String> labels) throws Exception {
        return ScoredCrops.forEach(folder, Integer.MAX_VALUE, (label, grey) -> {
            float[] input = grey.cols() < CropReader.MIN_WIDTH || grey.rows() < CropReader.MIN_HEIGHT
                    ? null
                    : VietnameseLine.input(grey, PlateRows.of(grey));
            if (input != null && label.plate().chars().allMatch(c -> VietnameseLine.ALPHABET.indexOf(c) >= 0)) {
                inputs.add(input);
                labels.add(label.plate());
            }
        });
    }
}
