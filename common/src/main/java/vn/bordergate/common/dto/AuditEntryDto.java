package vn.bordergate.common.dto;

import java.time.Instant;

/** One entry of the append-only, hash-chained audit log. */
public record AuditEntryDto(
        long id,
        Instant at,
        String actor,
        String stationCode,
        String action,
        String entityType,
        String entityId,
        String details,
        String previousHash,
        String hash) {}
