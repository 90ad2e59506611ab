package vn.bordergate.server.service;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Session;
import vn.bordergate.server.persistence.CrossingEntity;

/**
 * Finds the crossing a driver means at the kiosk by a typed declaration code or a scanned QR code (a
 * queue ticket's, see {@link KioskService#qrPayload}, or a declaration's). Unlike a plate, a code names
 * one crossing exactly, so nothing is forgiven.
 */
final class KioskCodeSearch {
    private static final Pattern DECLARATION_CODE = Pattern.compile("BG-\\d{8}", Pattern.CASE_INSENSITIVE);
    private static final Pattern CROSSING_QR = Pattern.compile("(?i)(?:BORDERGATE|BG):CROSSING:(\\d{1,18})");

    private KioskCodeSearch() {}

    /** The crossing of declaration {@code code} (BG-00001234, any case). */
    static long byCode(Session session, String code) {
        if (!DECLARATION_CODE.matcher(code).matches()) {
            throw GateException.invalidField("code", "must look like BG-00001234");
        }
        List<Long> ids = session.createSelectionQuery(
                        "select c.id from CrossingEntity c where c.declaration.code = :code", Long.class)
                .setParameter("code", code.toUpperCase(Locale.ROOT))
                .getResultList();
        if (ids.isEmpty()) {
            throw GateException.notFound("declaration " + code.toUpperCase(Locale.ROOT));
        }
        return ids.get(0);
    }

    /** The crossing a scanned queue ticket names, or the one of the declaration code it carries. */
    static long byQr(Session session, String payload) {
        Matcher crossing = CROSSING_QR.matcher(payload);
        if (crossing.find()) {
            long id = Long.parseLong(crossing.group(1));
            if (session.find(CrossingEntity.class, id) == null) {
                throw GateException.notFound("crossing " + id);
            }
            return id;
        }
        Matcher code = DECLARATION_CODE.matcher(payload);
        if (code.find()) {
            return byCode(session, code.group());
        }
        throw GateException.invalidField("qr", "is not a BorderGate ticket or declaration code");
    }
}
