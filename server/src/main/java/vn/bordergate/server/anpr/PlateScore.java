package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Scores plate reads against labels: exact plates (on {@code plate_norm}; for a multi-plate photo, equal to any
 * of its plates), exact plates when an unread Chinese province ({@code ?}) is forgiven, character accuracy (1 -
 * edit distance / length, per image, against the closest labelled plate), and time per image.
 */
public final class PlateScore {
    private int images;
    private int exact;
    private int exactButProvince;
    private double characters;
    private int found;
    private final List<Double> millis = new ArrayList<>();

    /** Adds one image: its label, the reader's text (empty when none) and the milliseconds it took. */
    public void add(PlateLabels.Label label, String predicted, double ms) {
        images++;
        millis.add(ms);
        if (!predicted.isEmpty()) {
            found++;
        }
        double bestCharacters = 0;
        boolean isExact = false;
        boolean isExactButProvince = false;
        for (String truth : label.allPlates()) {
            isExact |= truth.equals(predicted);
            isExactButProvince |= equalButUnknown(truth, predicted);
            int d = editDistance(truth, predicted);
            bestCharacters = Math.max(bestCharacters, Math.max(0, 1 - (double) d / truth.length()));
        }
        exact += isExact ? 1 : 0;
        exactButProvince += isExactButProvince ? 1 : 0;
        characters += bestCharacters;
    }

    public int images() {
        return images;
    }

    public double exactShare() {
        return images == 0 ? 0 : (double) exact / images;
    }

    /** Exact when a {@code ?} in the read may stand for the labelled Chinese character. */
    public double exactButProvinceShare() {
        return images == 0 ? 0 : (double) exactButProvince / images;
    }

    public double characterAccuracy() {
        return images == 0 ? 0 : characters / images;
    }

    public double foundShare() {
        return images == 0 ? 0 : (double) found / images;
    }

    public double medianMillis() {
        return percentile(0.5);
    }

    public double p95Millis() {
        return percentile(0.95);
    }

    double percentile(double q) {
        if (millis.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** One line: images, exact %, exact with unknown province forgiven %, character accuracy %, ms. */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "images=%d exact=%.1f%% exact_province_forgiven=%.1f%% characters=%.1f%% found=%.1f%%"
                        + " median_ms=%.1f p95_ms=%.1f",
                images,
                100 * exactShare(),
                100 * exactButProvinceShare(),
                100 * characterAccuracy(),
                100 * foundShare(),
                medianMillis(),
                p95Millis());
    }

    private static boolean equalButUnknown(String truth, String predicted) {
        if (truth.length() != predicted.length()) {
            return false;
        }
        for (int i = 0; i < truth.length(); i++) {
            char p = predicted.charAt(i);
            if (p != truth.charAt(i)
                    && !(p == '?' && Character.UnicodeScript.of(truth.charAt(i)) == Character.UnicodeScript.HAN)) {
                return false;
            }
        }
        return true;
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
