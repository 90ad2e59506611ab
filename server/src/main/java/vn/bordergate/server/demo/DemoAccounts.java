package vn.bordergate.server.demo;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.server.persistence.EnterpriseEntity;
import vn.bordergate.server.persistence.UserAccountEntity;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.service.AuditLog;

/** The demo's login accounts, and the officers that act in the demo's name. */
final class DemoAccounts {
    static final List<DemoAccount> ALL = List.of(
            new DemoAccount("admin", Role.ADMINISTRATOR, null, "Administrator: accounts, lanes, cameras, audit log"),
            new DemoAccount(
                    "supervisor", Role.SUPERVISOR, Agency.GATE_MANAGEMENT, "Gate supervisor: queue, reports, audit"),
            new DemoAccount("customs", Role.OFFICER, Agency.CUSTOMS, "Customs officer: steps 1 and 7"),
            new DemoAccount("borderguard", Role.OFFICER, Agency.BORDER_GUARD, "Border guard: step 5 and the barrier"),
            new DemoAccount("medical", Role.OFFICER, Agency.MEDICAL_QUARANTINE, "Medical quarantine: step 4"),
            new DemoAccount(
                    "quarantine", Role.OFFICER, Agency.PLANT_ANIMAL_QUARANTINE, "Plant and animal quarantine: step 6"),
            new DemoAccount("gate", Role.OFFICER, Agency.GATE_MANAGEMENT, "Gate management: steps 2 and 3, weighing"),
            new DemoAccount("fees", Role.OFFICER, Agency.FEE_COLLECTION, "Fee collection: step 8"),
            new DemoAccount("camera", Role.CAMERA, null, "Lane camera host posting plate reads"),
            new DemoAccount(
                    "enterprise", Role.ENTERPRISE, null, "Vietnamese fruit exporter of Lang Son: its own declarations"),
            new DemoAccount(
                    "enterprise2",
                    Role.ENTERPRISE,
                    null,
                    "Chinese electronics supplier of Nanning: its own declarations"),
            new DemoAccount("kiosk", Role.KIOSK, null, "Yard kiosk: drivers check in and print queue tickets"));

    private static final Map<String, String> DISPLAY_NAMES = Map.of(
            "admin", "Quản trị hệ thống",
            "supervisor", "Trưởng ca Ban Quản lý cửa khẩu",
            "customs", "Nguyễn Thị Thu Hà (Hải quan)",
            "borderguard", "Hoàng Văn Dũng (Biên phòng)",
            "medical", "Lê Thị Mai (Kiểm dịch y tế)",
            "quarantine", "Nông Văn Quý (Kiểm dịch động thực vật)",
            "gate", "Lương Đức Thắng (Quản lý cửa khẩu)",
            "fees", "Vi Thị Hồng (Thu phí)",
            "camera", "Camera làn Hữu Nghị",
            "kiosk", "Ki-ốt tự phục vụ bãi Hữu Nghị");

    private DemoAccounts() {}

    /** Writes every demo account with the one password hash; answers each account's actor by username. */
    static Map<String, Actor> persist(
            Session session, AuditLog audit, String passwordHash, List<EnterpriseEntity> enterprises, Instant now) {
        Map<String, Actor> actors = new HashMap<>();
        int enterprise = 0;
        for (DemoAccount account : ALL) {
            UserAccountEntity user = new UserAccountEntity();
            user.setUsername(account.username());
            user.setPasswordHash(passwordHash);
            user.setRole(account.role());
            user.setAgency(account.agency());
            user.setStationCode(account.agency() == null ? null : DemoStations.STATION_CODES.get(account.agency()));
            if (account.role() == Role.ENTERPRISE) {
                EnterpriseEntity e = enterprises.get(enterprise++);
                user.setEnterpriseId(e.getId());
                user.setDisplayName(
                        e.getName().length() <= 120 ? e.getName() : e.getName().substring(0, 120));
            } else {
                user.setDisplayName(DISPLAY_NAMES.get(account.username()));
            }
            user.setActive(true);
            user.setCreatedAt(now);
            session.persist(user);
            audit.append(
                    session,
                    Actor.system(),
                    "USER_CREATED",
                    "user",
                    user.getId(),
                    user.getUsername() + " " + user.getRole()
                            + (user.getAgency() == null ? "" : " " + user.getAgency()));
            actors.put(user.getUsername(), actorOf(user));
        }
        return actors;
    }

    static Actor actorOf(UserAccountEntity u) {
        return new Actor(
                u.getId(), u.getUsername(), u.getRole(), u.getAgency(), u.getStationCode(), u.getEnterpriseId());
    }
}
