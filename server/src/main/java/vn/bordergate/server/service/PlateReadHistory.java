package vn.bordergate.server.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.dto.PlateReadStatsDto;
import vn.bordergate.server.persistence.PlateReadEntity;
import vn.bordergate.server.persistence.Transactions;

/** What was read: the latest reads, a read's pictures, and the auto-match rate. */
final class PlateReadHistory {
    private final Transactions tx;
    private final PlateReadImages images;

    PlateReadHistory(Transactions tx, PlateReadImages images) {
        this.tx = tx;
        this.images = images;
    }

    List<PlateReadDto> recent(int limit) {
        return tx.read(session -> session
                .createSelectionQuery("from PlateReadEntity order by readAt desc, id desc", PlateReadEntity.class)
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

    /** The auto-match rate supervisors report: reads matched without an officer, of all reads. */
    PlateReadStatsDto stats() {
        return tx.read(session -> {
            long auto = 0;
            long officer = 0;
            long corrected = 0;
            for (Object[] row : session.createSelectionQuery(
                            "select matchStatus, count(*) from PlateReadEntity group by matchStatus", Object[].class)
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
