package vn.bordergate.workstation.kiosk;

/** How a driver finds the trip. */
public enum FindMode {
    PLATE,
    CODE,
    QR
}
