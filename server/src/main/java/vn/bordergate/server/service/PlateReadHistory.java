package vn.bordergate.server.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.dto.PlateReadStatsDto;
import vn.bordergate.server.persistence.PlateReadEntity;
import vn.bordergate.server.persistence.Transactions;

/** What was read: the latest reads, a read's pictures, and the auto-match rate. */
final class PlateReadHistory {
    /** Newest first: read from ix_plate_read_report, which is kept in this order (V12). */
    static final String RECENT = "from PlateReadEntity order by readAt desc, id desc";
    /** The reads of a period by match status: a range of ix_plate_read_report, not the whole table. */
    static final String BY_STATUS =
            "select matchStatus, count(*) from PlateReadEntity where readAt >= :since group by matchStatus";
    /** The period of the auto-match rate: a day, the shifts an officer asks about; earlier ones are in the reports. */
    static final Duration RATE_PERIOD = Duration.ofHours(24);

    private final Transactions tx;
    private final PlateReadImages images;
    private final Clock clock;

    PlateReadHistory(Transactions tx, PlateReadImages images, Clock clock) {
        this.tx = tx;
        this.images = images;
        this.clock = clock;
    }

    List<PlateReadDto> recent(int limit) {
        return tx.read(session ->
                session
                        .createSelectionQuery(RECENT, PlateReadEntity.class)
                        .setMaxResults(limit)
                        .getResultList()
                        .stream()
                        .map(DtoMapping::plateRead)
                        .toList());
    }

    /**
     * A read's plate crop or full-frame snapshot as JPEG bytes. Found from the read's id and time only, and
     * only for reads whose pictures this server saved; a read without them, or whose day has been deleted by
     * the retention, is "not found".
     */
    byte[] image(long readId, PlateReadImages.Kind kind) {
        PlateReadDto read = tx.read(session -> {
            PlateReadEntity r = session.find(PlateReadEntity.class, readId);
            return r == null ? null : DtoMapping.plateRead(r);
        });
        if (read == null) {
            throw GateException.notFound("plate read " + readId);
        }
        String what =
                (kind == PlateReadImages.Kind.CROP ? "the plate crop" : "the snapshot") + " of plate read " + readId;
        boolean saved = PlateReadImages.relativePath(readId, read.readAt(), PlateReadImages.Kind.CROP)
                .equals(read.imagePath());
        Path file = (saved ? images.find(readId, read.readAt(), kind) : Optional.<Path>empty())
                .orElseThrow(() -> GateException.notFound(what)); // never saved, or past the days kept
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) { // deleted by the retention meanwhile
            throw GateException.notFound(what);
        }
    }

    /**
     * The auto-match rate supervisors report: reads matched without an officer, of the reads of the last {@link
     * #RATE_PERIOD} (by read time). Every read ever kept would be a scan of a table that only grows.
     */
    PlateReadStatsDto stats() {
        return tx.read(session -> {
            long auto = 0;
            long officer = 0;
            long corrected = 0;
            for (Object[] row : session.createSelectionQuery(BY_STATUS, Object[].class)
                    .setParameter("since", clock.instant().minus(RATE_PERIOD))
                    .getResultList()) {
                long n = (Long) row[1];
                switch ((MatchStatus) row[0]) {
                    case MATCHED -> auto += n;
                    case CORRECTED -> corrected += n;
                    default -> officer += n;
                }
            }
            long reads = auto + officer + corrected;
            return new PlateReadStatsDto(reads, auto, officer, corrected, reads == 0 ? 0 : (double) auto / reads);
        });
    }
}
