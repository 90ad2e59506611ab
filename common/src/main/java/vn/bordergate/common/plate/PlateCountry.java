package vn.bordergate.common.plate;

/** Registration country of a vehicle plate. The gate sees only Vietnamese and Chinese plates. */
public enum PlateCountry {
    VN,
    CN
}
