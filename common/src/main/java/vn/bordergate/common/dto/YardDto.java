package vn.bordergate.common.dto;

/** A waiting yard with its capacity and how many vehicles wait there now. */
public record YardDto(long id, String code, String name, int capacity, long occupied) {}
