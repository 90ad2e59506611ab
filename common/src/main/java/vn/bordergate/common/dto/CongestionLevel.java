package vn.bordergate.common.dto;

/** A gate's congestion by the National Single Window levels, from how many vehicles wait. */
public enum CongestionLevel {
    GREEN,
    YELLOW,
    ORANGE,
    RED
}
