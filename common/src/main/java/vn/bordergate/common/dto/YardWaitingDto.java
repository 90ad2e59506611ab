package vn.bordergate.common.dto;

/** How many vehicles wait in one yard now, against its capacity: public, so no plates or names of people. */
public record YardWaitingDto(String code, String name, long waiting, int capacity) {}
