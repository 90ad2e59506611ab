package vn.bordergate.common.dto;

import java.time.Instant;

/** The server's health, public. */
public record HealthDto(String status, String version, Instant startedAt, boolean demo) {}
