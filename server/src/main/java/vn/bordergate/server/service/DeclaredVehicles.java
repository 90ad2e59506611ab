package vn.bordergate.server.service;

import java.util.ArrayList;
import java.util.List;
import vn.bordergate.common.plate.Plate;

/** The vehicles of a declaration, parsed: its tractor, and its trailer or null. */
record DeclaredVehicles(Plate tractor, Plate trailer) {
    /** Their normalized plates, the tractor's first. */
    List<String> plates() {
        List<String> plates = new ArrayList<>();
        for (Plate plate : new Plate[] {tractor, trailer}) {
            if (plate != null) {
                plates.add(plate.normalized());
            }
        }
        return plates;
    }
}
