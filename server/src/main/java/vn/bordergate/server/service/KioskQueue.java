package vn.bordergate.server.service;

import java.time.LocalDate;
import java.util.List;
import org.hibernate.Session;
import vn.bordergate.common.dto.KioskQueueDto;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.persistence.KioskCheckInEntity;
import vn.bordergate.server.persistence.LaneEntity;
import vn.bordergate.server.persistence.YardEntity;

/**
 * The queue of checked-in vehicles: numbered per gate day in check-in order, served priority first,
 * then perishable goods, then by number (the order of the officers' queue).
 */
final class KioskQueue {
    /** Statuses of a vehicle in the yard, still waiting to get through. */
    static final List<CrossingStatus> WAITING =
            List.of(CrossingStatus.IN_PROGRESS, CrossingStatus.HELD, CrossingStatus.READY_TO_RELEASE);

    KioskCheckInEntity checkIn(Session session, long crossingId) {
        return session.createSelectionQuery("from KioskCheckInEntity where crossingId = :id", KioskCheckInEntity.class)
                .setParameter("id", crossingId)
                .uniqueResult();
    }

    /** The next number of the day; the caller serialises check-ins (the unique key catches any slip). */
    int nextNumber(Session session, LocalDate day) {
        Integer last = session.createSelectionQuery(
                        "select max(queueNumber) from KioskCheckInEntity where queueDay = :day", Integer.class)
                .setParameter("day", day)
                .uniqueResult();
        return last == null ? 1 : last + 1;
    }

    private static String laneName(Session session, String code) {
        return session.createSelectionQuery("from LaneEntity where code = :code", LaneEntity.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst()
                .map(l -> l.getName() + " (" + code + ")")
                .orElse(code);
    }

    /** Where a crossing stands in the queue; null when it was never checked in. */
    KioskQueueDto place(Session session, CrossingEntity c) {
        KioskCheckInEntity mine = checkIn(session, c.getId());
        if (mine == null) {
            return null;
        }
        Integer position = null;
        // a vehicle called to a lane (station's call-next) no longer waits: the kiosk shows its lane
        String calledLane = c.getCalledLaneCode() == null ? null : laneName(session, c.getCalledLaneCode());
        if (WAITING.contains(c.getStatus()) && c.getCalledAt() == null) {
            List<Long> ahead = session.createSelectionQuery(
                            "select k.crossingId from KioskCheckInEntity k, CrossingEntity c"
                                    + " where c.id = k.crossingId and c.status in (:waiting) and c.calledAt is null"
                                    + " order by c.priority desc, c.perishable desc, k.queueDay, k.queueNumber",
                            Long.class)
                    .setParameter("waiting", WAITING)
                    .getResultList();
            int index = ahead.indexOf(c.getId());
            position = index < 0 ? null : index + 1;
        }
        String yardName = session.createSelectionQuery("from YardEntity where code = :code", YardEntity.class)
                .setParameter("code", mine.getYardCode())
                .getResultStream()
                .findFirst()
                .map(YardEntity::getName)
                .orElse(mine.getYardCode());
        return new KioskQueueDto(
                mine.getQueueNumber(), mine.getCheckedInAt(), mine.getYardCode(), yardName, position, calledLane);
    }
}
