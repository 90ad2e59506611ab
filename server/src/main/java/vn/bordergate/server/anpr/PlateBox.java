package vn.bordergate.server.anpr;

/** An upright rectangle in frame pixels: where a plate is. */
public record PlateBox(int x, int y, int width, int height) {
    public PlateBox {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }

    public int area() {
        return width * height;
    }

    /** Intersection over the smaller box's area (1 when one box lies inside the other). */
    public double overlap(PlateBox o) {
        int ix = Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
        int iy = Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
        int smaller = Math.min(area(), o.area());
        return smaller == 0 ? 0 : (double) ix * iy / smaller;
    }
}
