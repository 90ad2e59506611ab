package vn.bordergate.common.plate;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses, normalises and validates Vietnamese plates (Circular 24/2023: series letters without I, J,
 * O, Q, W) and Chinese plates (GA 36: province character, letter, 5 characters or 6 for new-energy,
 * no I or O).
 */
public final class PlateParser {
    /** The 31 province abbreviations that open a mainland Chinese plate. */
    public static final String CN_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    /** Suffix characters that replace the last serial character of a Chinese plate. */
    public static final String CN_SUFFIXES = "挂学港澳";

    /** Codes between 11 and 99 that no province is given (see {@link #registeredProvince}). */
    private static final Set<String> UNREGISTERED_PROVINCES = Set.of("13", "42", "44", "45", "46", "87", "91", "96");

    private static final String VN_SERIES = "[A-HK-NPR-VX-Z]";
    private static final String CN_ALNUM = "[A-HJ-NP-Z0-9]";
    private static final String CN_REGION = "([" + CN_PROVINCES + "])([A-HJ-NP-Z])";

    private static final Pattern VN_MILITARY = Pattern.compile("([A-Z]{2})(\\d{2})(\\d{2})");
    private static final Pattern VN_DIPLOMATIC = Pattern.compile("(\\d{2})(\\d{3})(NG|NN|QT|CV)(\\d{2,3})");
    private static final Pattern VN_MOTORBIKE = Pattern.compile("(\\d{2})(" + VN_SERIES + "\\d)(\\d{4,5})");
    private static final Pattern VN_VEHICLE = Pattern.compile("(\\d{2})(" + VN_SERIES + "{1,2})(\\d{4,5})");
    private static final Pattern CN_NEW_ENERGY = Pattern.compile(CN_REGION + "([DF]" + CN_ALNUM + "\\d{4}|\\d{5}[DF])");
    private static final Pattern CN_SUFFIXED =
            Pattern.compile(CN_REGION + "(" + CN_ALNUM + "{4})([" + CN_SUFFIXES + "])");
    private static final Pattern CN_STANDARD = Pattern.compile(CN_REGION + "(" + CN_ALNUM + "{5})");

    private PlateParser() {}

    /**
     * Letters and digits only, upper case, full-width forms folded to ASCII, Vietnamese Đ read as D;
     * Chinese province and suffix characters are kept.
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC)
                .replace('Đ', 'D')
                .replace('đ', 'd');
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().forEach(cp -> {
            if (cp < 128 && Character.isLetterOrDigit(cp)) {
                out.append(Character.toUpperCase((char) cp));
            } else if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    public static Optional<Plate> tryParse(String raw) {
        String n = normalize(raw);
        return n.isEmpty() ? Optional.empty() : Optional.ofNullable(match(n));
    }

    /** The plate written in {@code raw}, or an {@link InvalidPlateException} saying what is wrong. */
    public static Plate parse(String raw) {
        String n = normalize(raw);
        if (n.isEmpty()) {
            throw new InvalidPlateException("plate is empty");
        }
        if (n.length() > 10) {
            throw new InvalidPlateException("'" + shorten(raw) + "' is too long for a plate");
        }
        Plate plate = match(n);
        if (plate == null) {
            throw new InvalidPlateException("'" + shorten(raw) + "' is neither a Vietnamese plate (like 29H-335.78)"
                    + " nor a Chinese plate (like 桂A·12345)");
        }
        return plate;
    }

    private static Plate match(String n) {
        return Character.UnicodeScript.of(n.codePointAt(0)) == Character.UnicodeScript.HAN
                ? matchChinese(n)
                : matchVietnamese(n);
    }

    private static Plate matchVietnamese(String n) {
        Matcher m;
        if ((m = VN_VEHICLE.matcher(n)).matches() && province(m.group(1))) {
            PlateKind kind = m.group(2).equals("R") ? PlateKind.VN_TRAILER : PlateKind.VN_VEHICLE;
            String serial = vnSerial(m.group(3));
            String top = m.group(1) + m.group(2);
            return vn(kind, n, top + "-" + serial, top, serial);
        }
        if ((m = VN_MOTORBIKE.matcher(n)).matches() && province(m.group(1))) {
            String top = m.group(1) + "-" + m.group(2);
            String serial = vnSerial(m.group(3));
            return vn(PlateKind.VN_MOTORBIKE, n, top + " " + serial, top, serial);
        }
        if ((m = VN_MILITARY.matcher(n)).matches()) {
            return vn(
                    PlateKind.VN_MILITARY,
                    n,
                    m.group(1) + "-" + m.group(2) + "-" + m.group(3),
                    m.group(1),
                    m.group(2) + "-" + m.group(3));
        }
        if ((m = VN_DIPLOMATIC.matcher(n)).matches() && province(m.group(1))) {
            String top = m.group(1) + "-" + m.group(2);
            String bottom = m.group(3) + "-" + m.group(4);
            return vn(PlateKind.VN_DIPLOMATIC, n, top + "-" + bottom, top, bottom);
        }
        return null;
    }

    private static Plate matchChinese(String n) {
        Matcher m;
        if ((m = CN_NEW_ENERGY.matcher(n)).matches()) {
            return cn(PlateKind.CN_NEW_ENERGY, n, m);
        }
        if ((m = CN_SUFFIXED.matcher(n)).matches()) {
            PlateKind kind =
                    switch (m.group(4)) {
                        case "挂" -> PlateKind.CN_TRAILER;
                        case "学" -> PlateKind.CN_COACH;
                        default -> PlateKind.CN_CROSS_BORDER;
                    };
            return cn(kind, n, m);
        }
        if ((m = CN_STANDARD.matcher(n)).matches()) {
            return cn(PlateKind.CN_STANDARD, n, m);
        }
        return null;
    }

    /** Vietnamese province codes run from 11 to 99. */
    private static boolean province(String code) {
        return Integer.parseInt(code) >= 11;
    }

    /**
     * Whether a Vietnamese plate's province code is one that is registered somewhere (a military plate has none and
     * is always registered). Of 11–99, Circular 24/2023's list of province codes leaves out 13 (Hà Bắc, split into
     * Bắc Giang 98 and Bắc Ninh 99 in 1997), 42, 44, 45, 46, 87, 91 and 96. The parser still takes them, as a clerk
     * may type what a document says; a camera read of one is a misread of a look-alike ({@link PlateGrammar}).
     */
    public static boolean registeredProvince(Plate plate) {
        String n = plate.normalized();
        return plate.country() != PlateCountry.VN
                || n.length() < 2
                || !Character.isDigit(n.charAt(0))
                || !Character.isDigit(n.charAt(1))
                || !UNREGISTERED_PROVINCES.contains(n.substring(0, 2));
    }

    /** The registered province codes that differ from {@code code} in one of its two digits. */
    static List<String> registeredNear(String code) {
        List<String> out = new java.util.ArrayList<>();
        for (char d = '0'; d <= '9'; d++) {
            for (String near : List.of(d + code.substring(1), code.charAt(0) + String.valueOf(d))) {
                if (!near.equals(code) && province(near) && !UNREGISTERED_PROVINCES.contains(near)) {
                    out.add(near);
                }
            }
        }
        return out;
    }

    private static String vnSerial(String digits) {
        return digits.length() == 5 ? digits.substring(0, 3) + "." + digits.substring(3) : digits;
    }

    private static Plate vn(PlateKind kind, String n, String display, String top, String bottom) {
        return new Plate(PlateCountry.VN, kind, n, display, List.of(top, bottom));
    }

    private static Plate cn(PlateKind kind, String n, Matcher m) {
        String region = m.group(1) + m.group(2);
        String serial = n.substring(region.length());
        return new Plate(PlateCountry.CN, kind, n, region + "·" + serial, List.of(region, serial));
    }

    private static String shorten(String raw) {
        String trimmed = raw.strip();
        return trimmed.length() > 24 ? trimmed.substring(0, 24) + "…" : trimmed;
    }
}
