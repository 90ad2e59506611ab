package vn.bordergate.server.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.anpr.tracking.PlateEvidence;

/**
 * One pass of {@link PlateReadService}, checked and ready for the writers: the tractor's read and the trailer's (if
 * one was seen), with the pictures reserved for them; its unit of work for the shared transaction, and the pictures
 * saved once it is committed. Shared by the answer that waits for the commit and the one completed after it.
 */
final class PlateReadPass {
    /** How a read is matched and stored in the writer's transaction ({@link PlateReadService}'s), as answered. */
    @FunctionalInterface
    interface Rows {
        PlateReadDto store(
                Session session,
                NewPlateReadRequest request,
                CameraPlace camera,
                Instant readAt,
                Long pairedWith,
                boolean withPictures);
    }

    /** A plate as a camera saw it: the read, its camera's place, when, and its picture (null for none). */
    record Seen(NewPlateReadRequest request, CameraPlace camera, Instant at, PlateEvidence picture) {}

    private final Rows rows;
    private final PlateReadImages images;
    private final Seen tractor;
    private final Seen trailer;
    private final int pictures;
    private final boolean keepPictures;

    PlateReadPass(Rows rows, PlateReadImages images, Seen tractor, Seen trailer) {
        this.rows = rows;
        this.images = images;
        this.tractor = tractor;
        this.trailer = trailer;
        this.pictures = (tractor.picture() == null ? 0 : 1) + (trailer == null || trailer.picture() == null ? 0 : 1);
        this.keepPictures = pictures > 0 && images.reserve(pictures);
    }

    /** The unit of work: both reads stored, the trailer's pointing at the tractor's. */
    Stored store(Session session) {
        List<PlateReadDto> written = new ArrayList<>();
        PlateReadDto first =
                rows.store(session, tractor.request(), tractor.camera(), tractor.at(), null, kept(tractor));
        written.add(first);
        if (trailer != null) {
            written.add(
                    rows.store(session, trailer.request(), trailer.camera(), trailer.at(), first.id(), kept(trailer)));
        }
        // whether the crossing may move on is asked after the commit only (arrived() re-reads its steps then
        // anyway): asking in this transaction too cost a second query for every read of a crossing still waiting
        // for its declaration, the reads the gate sees most (JFR, perf8)
        return new Stored(written, first.matchStatus() == MatchStatus.MATCHED);
    }

    /** The pass was not written: its pictures' room is given back. */
    void release() {
        if (keepPictures) {
            images.release(pictures);
        }
    }

    /** After the commit: the kept pictures saved in the background, under the reads' ids. */
    void savePictures(Stored stored) {
        List<PlateReadDto> reads = stored.reads();
        Seen[] seen = {tractor, trailer};
        for (int i = 0; i < reads.size(); i++) {
            if (kept(seen[i])) {
                images.write(reads.get(i).id(), reads.get(i).readAt(), seen[i].picture());
            }
        }
    }

    private boolean kept(Seen seen) {
        return keepPictures && seen.picture() != null;
    }

    /**
     * The reads of a pass as written, whether the tractor's matched a crossing (which may move on), and that
     * crossing's step states as read after the commit (null when they could not be read with the batch's).
     */
    static final class Stored {
        private final List<PlateReadDto> reads;
        private final boolean arrives;
        volatile Map<Step, StepState> states;

        Stored(List<PlateReadDto> reads, boolean arrives) {
            this.reads = reads;
            this.arrives = arrives;
        }

        List<PlateReadDto> reads() {
            return reads;
        }

        boolean arrives() {
            return arrives;
        }

        long crossingId() {
            return reads.get(0).crossingId();
        }
    }
}
