package vn.bordergate.server.anpr.synthetic;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateCountry;
import vn.bordergate.common.plate.PlateKind;

/**
 * Lays out a plate's characters in millimetres. Chinese plates follow the GA 36 grid (45 × 90 mm
 * characters, 12 mm gaps, 34 mm around the separator dot; new-energy 43 mm characters, 9 mm gaps);
 * Vietnamese plates use tall condensed characters centred in their rows, as on the stamped plates.
 */
public final class PlateTypesetter {
    private static final double DESIGN_SIZE = 100;
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    /** Latin characters are at most this wide for their height (keeps squat cells from stretching them). */
    private static final double MAX_LATIN_ASPECT = 0.62;
    /** Share of a Latin cell that the digit 0 fills. */
    private static final double LATIN_FILL = 0.86;

    private final Font latin;
    private final Font chinese = PlateFonts.chinese().deriveFont((float) DESIGN_SIZE);
    private final double capHeight;
    private final double zeroWidth;

    public PlateTypesetter() {
        this(PlateFonts.latin());
    }

    /** Letters and digits drawn in {@code latin} (any size) instead of the bundled face. */
    public PlateTypesetter(Font latin) {
        this.latin = latin.deriveFont((float) DESIGN_SIZE);
        this.capHeight = bounds(outline(this.latin, 'H')).getHeight();
        this.zeroWidth = bounds(outline(this.latin, '0')).getWidth();
    }

    /** Typesets {@code plate} in {@code style}. */
    public PlateArtwork typeset(Plate plate, PlateStyle style) {
        double w = style.widthMm(plate);
        double h = style.heightMm(plate);
        Row[] rows = plate.country() == PlateCountry.CN ? chineseRows(plate, style) : vietnameseRows(plate, style);
        List<PlateArtwork.Glyph> glyphs = new ArrayList<>();
        List<Shape> marks = new ArrayList<>();
        for (Row row : rows) {
            row.place(w, glyphs, marks);
        }
        List<Point2D> rivets = plate.country() == PlateCountry.CN
                ? List.of(new Point2D.Double(w * 0.25, 12.5), new Point2D.Double(w * 0.75, 12.5))
                : List.of();
        return new PlateArtwork(w, h, glyphs, marks, rivets);
    }

    private Row[] chineseRows(Plate plate, PlateStyle style) {
        String region = plate.rows().get(0);
        String serial = plate.rows().get(1);
        if (style.layout() == PlateLayout.TWO_ROW) {
            Row top = new Row(15, 60, 440);
            top.glyph(region.codePointAt(0), 80).gap(60).glyph(region.codePointAt(1), 80);
            Row bottom = new Row(90, 110, 440);
            addCells(bottom, serial, 65, 15);
            return new Row[] {top, bottom};
        }
        boolean eight = plate.kind() == PlateKind.CN_NEW_ENERGY;
        double cell = eight ? 43 : 45;
        double gap = eight ? 9 : 12;
        Row row = new Row(25, 90, 480);
        row.glyph(region.codePointAt(0), cell).gap(gap).glyph(region.codePointAt(1), cell);
        row.dot(eight ? 49 : 34, 10, false);
        addCells(row, serial, cell, gap);
        return new Row[] {row};
    }

    private Row[] vietnameseRows(Plate plate, PlateStyle style) {
        double w = style.widthMm(plate);
        if (style.layout() == PlateLayout.ONE_ROW) {
            return new Row[] {vietnameseRow(plate.display(), 17, 76, 46, 4, w - 28)};
        }
        if (plate.kind() == PlateKind.VN_MOTORBIKE) {
            return new Row[] {
                vietnameseRow(plate.rows().get(0), 14, 50, 30, 3, w - 20),
                vietnameseRow(plate.rows().get(1), 76, 50, 30, 3, w - 20)
            };
        }
        return new Row[] {
            vietnameseRow(plate.rows().get(0), 17, 60, 44, 5, w - 28),
            vietnameseRow(plate.rows().get(1), 91, 60, 44, 5, w - 28)
        };
    }

    private Row vietnameseRow(String text, double top, double height, double cell, double gap, double maxWidth) {
        Row row = new Row(top, height, maxWidth);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i > 0) {
                row.gap(gap);
            }
            switch (c) {
                case '-' -> row.dash(cell * 0.55);
                case '.' -> row.dot(cell * 0.3, height * 0.11, true);
                case ' ' -> row.gap(cell * 0.4);
                default -> row.glyph(c, cell);
            }
        }
        return row;
    }

    private static void addCells(Row row, String text, double cell, double gap) {
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            if (i > 0) {
                row.gap(gap);
            }
            row.glyph(text.codePointAt(i), cell);
        }
    }

    /** The outline of {@code codePoint} fitted into {@code cell} (mm), as a plate stamps it. */
    Shape fit(int codePoint, Rectangle2D cell) {
        boolean han = Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
        Shape raw = outline(han ? chinese : latin, codePoint);
        Rectangle2D b = bounds(raw);
        AffineTransform at = new AffineTransform();
        if (han) {
            double pad = cell.getHeight() * 0.01;
            at.translate(cell.getX() + pad, cell.getY() + pad);
            at.scale((cell.getWidth() - 2 * pad) / b.getWidth(), (cell.getHeight() - 2 * pad) / b.getHeight());
            at.translate(-b.getX(), -b.getY());
        } else {
            double sy = cell.getHeight() / capHeight;
            double zeroInk = Math.min(cell.getWidth() * LATIN_FILL, cell.getHeight() * MAX_LATIN_ASPECT);
            double sx = Math.min(zeroInk / zeroWidth, cell.getWidth() / b.getWidth());
            at.translate(cell.getCenterX(), cell.getMaxY());
            at.scale(sx, sy);
            at.translate(-b.getCenterX(), 0);
        }
        return at.createTransformedShape(raw);
    }

    private static Shape outline(Font font, int codePoint) {
        return font.createGlyphVector(FRC, new String(Character.toChars(codePoint)))
                .getGlyphOutline(0);
    }

    private static Rectangle2D bounds(Shape s) {
        Rectangle2D b = s.getBounds2D();
        return b.isEmpty() ? new Rectangle2D.Double(0, -1, 1, 1) : b;
    }

    /** One row of cells, laid out left to right, then squeezed to fit and centred on the plate. */
    private final class Row {
        private record Item(char type, int codePoint, double width, double size) {}

        private final double top;
        private final double height;
        private final double maxWidth;
        private final List<Item> items = new ArrayList<>();

        Row(double top, double height, double maxWidth) {
            this.top = top;
            this.height = height;
            this.maxWidth = maxWidth;
        }

        Row glyph(int codePoint, double width) {
            items.add(new Item('g', codePoint, width, 0));
            return this;
        }

        Row gap(double width) {
            items.add(new Item(' ', 0, width, 0));
            return this;
        }

        Row dash(double width) {
            items.add(new Item('-', 0, width, 0));
            return this;
        }

        /** A round separator {@code diameter} across, on the baseline or at mid height. */
        Row dot(double width, double diameter, boolean onBaseline) {
            items.add(new Item(onBaseline ? '.' : 'o', 0, width, diameter));
            return this;
        }

        void place(double plateWidth, List<PlateArtwork.Glyph> glyphs, List<Shape> marks) {
            double total = items.stream().mapToDouble(Item::width).sum();
            double squeeze = Math.min(1, maxWidth / total);
            double x = (plateWidth - total * squeeze) / 2;
            double bottom = top + height;
            for (Item item : items) {
                double w = item.width() * squeeze;
                double cx = x + w / 2;
                switch (item.type()) {
                    case 'g' -> {
                        Rectangle2D cell = new Rectangle2D.Double(x, top, w, height);
                        glyphs.add(new PlateArtwork.Glyph(item.codePoint(), fit(item.codePoint(), cell), cell));
                    }
                    case '-' -> {
                        double dw = w * 0.7;
                        double dh = height * 0.085;
                        marks.add(new RoundRectangle2D.Double(
                                cx - dw / 2, top + height * 0.52 - dh / 2, dw, dh, dh * 0.3, dh * 0.3));
                    }
                    case '.' -> marks.add(
                            new Ellipse2D.Double(cx - item.size() / 2, bottom - item.size(), item.size(), item.size()));
                    case 'o' -> marks.add(new Ellipse2D.Double(
                            cx - item.size() / 2, top + height / 2 - item.size() / 2, item.size(), item.size()));
                    default -> {}
                }
                x += w;
            }
        }
    }
}
