package vn.bordergate.server.web;

/** Role names for {@code @RolesAllowed}, which needs compile-time constants. */
final class Roles {
    static final String OFFICER = "OFFICER";
    static final String SUPERVISOR = "SUPERVISOR";
    static final String ADMINISTRATOR = "ADMINISTRATOR";
    static final String ENTERPRISE = "ENTERPRISE";
    static final String CAMERA = "CAMERA";
    static final String KIOSK = "KIOSK";

    private Roles() {}
}
