package vn.bordergate.server.demo;

import java.util.Map;
import org.hibernate.Session;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.server.persistence.CameraEntity;
import vn.bordergate.server.persistence.LaneEntity;
import vn.bordergate.server.persistence.StationEntity;
import vn.bordergate.server.persistence.YardEntity;

/** The joint control station at Huu Nghi: one station per agency, four lanes with cameras, three yards. */
final class DemoStations {
    static final Map<Agency, String> STATION_CODES = Map.of(
            Agency.CUSTOMS, "HN-CUS-1",
            Agency.BORDER_GUARD, "HN-BG-1",
            Agency.MEDICAL_QUARANTINE, "HN-MED-1",
            Agency.PLANT_ANIMAL_QUARANTINE, "HN-PAQ-1",
            Agency.GATE_MANAGEMENT, "HN-GATE-1",
            Agency.FEE_COLLECTION, "HN-FEE-1");

    private static final Map<Agency, String> STATION_NAMES = Map.of(
            Agency.CUSTOMS, "Trạm Hải quan Hữu Nghị 1",
            Agency.BORDER_GUARD, "Trạm Biên phòng cửa khẩu Hữu Nghị 1",
            Agency.MEDICAL_QUARANTINE, "Trạm Kiểm dịch y tế Hữu Nghị 1",
            Agency.PLANT_ANIMAL_QUARANTINE, "Trạm Kiểm dịch động thực vật Hữu Nghị 1",
            Agency.GATE_MANAGEMENT, "Trạm Quản lý cửa khẩu Hữu Nghị 1",
            Agency.FEE_COLLECTION, "Trạm Thu phí hạ tầng Hữu Nghị 1");

    private DemoStations() {}

    static void persist(Session session) {
        for (Agency agency : Agency.values()) {
            StationEntity s = new StationEntity();
            s.setCode(STATION_CODES.get(agency));
            s.setName(STATION_NAMES.get(agency));
            s.setAgency(agency);
            session.persist(s);
        }
        lane(session, "L1", "Làn nhập khẩu 1", Direction.IMPORT);
        lane(session, "L2", "Làn nhập khẩu 2", Direction.IMPORT);
        lane(session, "L3", "Làn xuất khẩu 1", Direction.EXPORT);
        lane(session, "L4", "Làn xuất khẩu 2", Direction.EXPORT);
        yard(session, "YARD-PC", "Bãi Pò Chài", 400);
        yard(session, "YARD-HN", "Bãi Hữu Nghị", 300);
        yard(session, "YARD-TT", "Bãi Tân Thanh", 250);
    }

    private static void lane(Session session, String code, String name, Direction direction) {
        LaneEntity lane = new LaneEntity();
        lane.setCode(code);
        lane.setName(name);
        lane.setDirection(direction);
        session.persist(lane);
        CameraEntity camera = new CameraEntity();
        camera.setCode("CAM-" + code);
        camera.setLane(lane);
        camera.setSourceUrl(null);
        camera.setEnabled(true);
        session.persist(camera);
    }

    private static void yard(Session session, String code, String name, int capacity) {
        YardEntity yard = new YardEntity();
        yard.setCode(code);
        yard.setName(name);
        yard.setCapacity(capacity);
        session.persist(yard);
    }
}
