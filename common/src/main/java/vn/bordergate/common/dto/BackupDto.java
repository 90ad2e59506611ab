package vn.bordergate.common.dto;

import java.time.Instant;

/**
 * One online backup of the gate's database on the gate host.
 *
 * @param name the backup's folder name (its UTC start time), what {@code bordergate-server restore --from} takes
 * @param path the folder on the gate host
 * @param startedAt when the backup began: every write acknowledged before this instant is in it
 * @param bytes the backup's size on disk
 */
public record BackupDto(String name, String path, Instant startedAt, Instant finishedAt, long bytes) {}
