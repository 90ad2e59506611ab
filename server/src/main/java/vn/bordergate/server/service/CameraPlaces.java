package vn.bordergate.server.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.bordergate.server.persistence.CameraEntity;
import vn.bordergate.server.persistence.Transactions;

/**
 * Which lane each camera watches, remembered once found: cameras are set up with the site and never
 * move lanes through the API, so a plate read need not ask the database. An unknown code is asked again
 * each time (a camera may be added meanwhile) and refused as before.
 */
final class CameraPlaces {
    private final Map<String, CameraPlace> known = new ConcurrentHashMap<>();

    CameraPlace of(Transactions tx, String code) {
        CameraPlace place = known.get(code);
        if (place != null) {
            return place;
        }
        place = tx.read(session -> {
            CameraEntity camera = session.createSelectionQuery(
                            "from CameraEntity c join fetch c.lane where c.code = :c", CameraEntity.class)
                    .setParameter("c", code)
                    .uniqueResult();
            return camera == null
                    ? null
                    : new CameraPlace(camera.getCode(), camera.getLane().getCode());
        });
        if (place == null) {
            throw GateException.invalidField("cameraCode", "'" + code + "' is not a known camera");
        }
        known.put(code, place);
        return place;
    }
}
