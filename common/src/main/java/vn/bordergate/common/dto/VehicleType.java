package vn.bordergate.common.dto;

/** The kind of vehicle declared. */
public enum VehicleType {
    TRUCK,
    TRACTOR_TRAILER,
    CONTAINER_TRUCK,
    REFRIGERATED_TRUCK,
    VAN,
    PASSENGER
}
