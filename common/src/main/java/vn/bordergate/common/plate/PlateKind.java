package vn.bordergate.common.plate;

/** What a plate's grammar says about the vehicle carrying it. */
public enum PlateKind {
    /** Vietnamese car or truck, one row ({@code 29H-335.78}) or square two rows. */
    VN_VEHICLE,
    /** Vietnamese trailer or semi-trailer, series R ({@code 12R-012.34}). */
    VN_TRAILER,
    /** Vietnamese motorbike, always two rows ({@code 29-H1 123.45}). */
    VN_MOTORBIKE,
    /** Vietnamese military plate ({@code KA-12-34}). */
    VN_MILITARY,
    /** Vietnamese diplomatic or foreign-organisation plate ({@code 80-123-NG-01}). */
    VN_DIPLOMATIC,
    /** Chinese ordinary 7-character plate (blue for small vehicles, yellow for trucks). */
    CN_STANDARD,
    /** Chinese new-energy 8-character plate (green). */
    CN_NEW_ENERGY,
    /** Chinese trailer plate, suffix 挂 (yellow). */
    CN_TRAILER,
    /** Chinese driving-school plate, suffix 学 (yellow). */
    CN_COACH,
    /** Chinese cross-border plate for Hong Kong or Macau vehicles, suffix 港 or 澳. */
    CN_CROSS_BORDER;

    /**
     * Whether plates of this kind are only ever made in two rows: a Vietnamese motorbike plate (190 × 140 mm) has
     * no one-row form, so a wide one-row plate is never one.
     */
    public boolean alwaysTwoRows() {
        return this == VN_MOTORBIKE;
    }

    public boolean isTrailer() {
        return this == VN_TRAILER || this == CN_TRAILER;
    }

    public PlateCountry country() {
        return name().startsWith("VN") ? PlateCountry.VN : PlateCountry.CN;
    }
}
