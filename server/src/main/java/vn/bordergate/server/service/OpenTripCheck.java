package vn.bordergate.server.service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.hibernate.Session;
import vn.bordergate.common.plate.Plate;

/**
 * One open trip per vehicle, as checked before writing (the open-trip keys' unique constraints are the last
 * word under concurrency, see {@link OpenTrips}). One statement for both plates and both unique keys: a
 * union of index lookups (Derby answers an OR of two columns with a scan of every crossing).
 */
final class OpenTripCheck {
    private OpenTripCheck() {}

    /** Refuses the vehicles when one of them has an open trip other than crossing {@code exceptCrossing}'s. */
    static void check(Session session, DeclaredVehicles vehicles, Long exceptCrossing) {
        refuse(openTrips(session, vehicles.plates(), exceptCrossing), vehicles);
    }

    /**
     * The open trips of these plates as rows (1 when found as a tractor, 2 as a trailer; the plate; the
     * declaration's code), except one crossing's. Plain JDBC: Hibernate's query handling was a third of this read's
     * samples in the declaration writers (JFR, branch declcpu3). Every caller asks before its transaction wrote
     * anything, so there is no unflushed change that Hibernate would have flushed first.
     */
    static List<Object[]> openTrips(Session session, Collection<String> plates, Long exceptCrossing) {
        String in = InListParameters.marks(plates.size());
        long except = exceptCrossing == null ? -1L : exceptCrossing;
        return session.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1, c.open_tractor_key, d.code"
                    + " FROM crossing c JOIN declaration d ON d.id = c.declaration_id"
                    + " WHERE c.open_tractor_key IN (" + in + ") AND c.id <> ?"
                    + " UNION ALL SELECT 2, c.open_trailer_key, d.code"
                    + " FROM crossing c JOIN declaration d ON d.id = c.declaration_id"
                    + " WHERE c.open_trailer_key IN (" + in + ") AND c.id <> ?")) {
                int next = InListParameters.bind(select, 1, plates);
                select.setLong(next++, except);
                next = InListParameters.bind(select, next, plates);
                select.setLong(next, except);
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(new Object[] {row.getInt(1), row.getString(2), row.getString(3)});
                    }
                }
                return rows;
            }
        });
    }

    /**
     * Refuses the vehicles when a row of {@link #openTrips} holds one of them. A plate found as a tractor is
     * reported before one found as a trailer, the tractor before the trailer, as when each was asked on its own.
     */
    static void refuse(List<Object[]> found, DeclaredVehicles vehicles) {
        if (found.isEmpty()) {
            return;
        }
        for (Plate plate : new Plate[] {vehicles.tractor(), vehicles.trailer()}) {
            if (plate == null) {
                continue;
            }
            found.stream()
                    .filter(row -> plate.normalized().equals(row[1]))
                    .min(Comparator.comparingInt(row -> ((Number) row[0]).intValue()))
                    .ifPresent(row -> {
                        throw GateException.conflict("vehicle " + plate.display() + " already has an open trip ("
                                + row[2] + "): one declaration per vehicle trip");
                    });
        }
    }
}
