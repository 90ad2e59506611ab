package vn.bordergate.server.anpr.synthetic;

/** In-place filters on packed RGB pixels ({@code 0xRRGGBB} ints, row by row). */
final class ImageFilters {
    private ImageFilters() {}

    /** Box blur of radius {@code rx} along rows, then {@code ry} along columns (0 skips a direction). */
    static void boxBlur(int[] px, int w, int h, int rx, int ry) {
        if (rx > 0) {
            int[] line = new int[w];
            for (int y = 0; y < h; y++) {
                System.arraycopy(px, y * w, line, 0, w);
                blurLine(line, w, rx, px, y * w, 1);
            }
        }
        if (ry > 0) {
            int[] line = new int[h];
            for (int x = 0; x < w; x++) {
                for (int y = 0; y < h; y++) {
                    line[y] = px[y * w + x];
                }
                blurLine(line, h, ry, px, x, w);
            }
        }
    }

    /** Running-sum average over {@code 2r + 1} samples, edges clamped, written to out[start + i * step]. */
    private static void blurLine(int[] in, int n, int r, int[] out, int start, int step) {
        int sr = 0;
        int sg = 0;
        int sb = 0;
        for (int i = -r; i <= r; i++) {
            int p = in[Math.min(n - 1, Math.max(0, i))];
            sr += (p >> 16) & 255;
            sg += (p >> 8) & 255;
            sb += p & 255;
        }
        int span = 2 * r + 1;
        for (int i = 0; i < n; i++) {
            out[start + i * step] = (sr / span) << 16 | (sg / span) << 8 | (sb / span);
            int leaving = in[Math.max(0, i - r)];
            int entering = in[Math.min(n - 1, i + r + 1)];
            sr += ((entering >> 16) & 255) - ((leaving >> 16) & 255);
            sg += ((entering >> 8) & 255) - ((leaving >> 8) & 255);
            sb += (entering & 255) - (leaving & 255);
        }
    }
}
