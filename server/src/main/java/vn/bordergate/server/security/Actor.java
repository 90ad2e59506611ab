package vn.bordergate.server.security;

import java.security.Principal;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Role;

/** Who is making a request, as proven by the bearer token. */
public record Actor(long userId, String username, Role role, Agency agency, String stationCode, Long enterpriseId)
        implements Principal {
    @Override
    public String getName() {
        return username;
    }

    /** The system itself, for demo data and scheduled work. */
    public static Actor system() {
        return new Actor(0, "system", Role.ADMINISTRATOR, null, null, null);
    }

    public boolean isOfficerOf(Agency required) {
        return role.isOfficer() && agency == required;
    }
}
