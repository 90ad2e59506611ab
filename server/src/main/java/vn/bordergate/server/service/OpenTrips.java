package vn.bordergate.server.service;

import vn.bordergate.server.persistence.CrossingEntity;

/**
 * Keeps a crossing's open-trip keys in step with its status. The keys carry unique constraints, so
 * the database itself refuses a second open trip for the same tractor or trailer.
 */
final class OpenTrips {
    private OpenTrips() {}

    static void update(CrossingEntity c) {
        boolean open = c.getStatus().isOpen();
        c.setOpenTractorKey(open ? c.getTractorPlate() : null);
        c.setOpenTrailerKey(open ? c.getTrailerPlate() : null);
    }
}
