package vn.bordergate.common.workflow;

/** What an account may do. Officers and supervisors also belong to an agency. */
public enum Role {
    /** Confirms, holds or rejects the steps of the officer's own agency. */
    OFFICER,
    /** An officer who also sees reports, the audit log and the whole gate's congestion. */
    SUPERVISOR,
    /** Manages accounts, stations, lanes and cameras; verifies the audit log. */
    ADMINISTRATOR,
    /** An import/export company: declares its own trips and sees only its own declarations. */
    ENTERPRISE,
    /** A lane camera or recogniser host posting plate reads. */
    CAMERA,
    /**
     * A self-service kiosk in the yard (a device account, no person): finds one crossing at a time by
     * plate, declaration code or QR code, checks it in and prints its queue ticket. Sees no driver's
     * personal data and nothing but the crossing it found.
     */
    KIOSK;

    public boolean isOfficer() {
        return this == OFFICER || this == SUPERVISOR;
    }
}
