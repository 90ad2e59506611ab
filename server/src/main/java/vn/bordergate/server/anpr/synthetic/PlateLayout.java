package vn.bordergate.server.anpr.synthetic;

/** How a plate's characters are arranged: one long row, or two rows (square plates, rear truck plates). */
public enum PlateLayout {
    ONE_ROW,
    TWO_ROW
}
