package vn.bordergate.server.persistence;

import java.util.List;
import vn.bordergate.server.metrics.StageTimes;

/**
 * What a {@link BatchWriter} times, to tell where a slow item spent its time: each item's wait for a writer ({@code
 * queued}) and its whole way from the queue to its answer ({@code answered}); each batch's size, its write ({@code
 * written}: statements, commit and what the batch does before it answers) and the answering of its items one after
 * another ({@code answering}: what is chained to an answer runs then, on the writer).
 */
public record BatchTimes(
        StageTimes queued, StageTimes size, StageTimes written, StageTimes answering, StageTimes answered) {

    /** Stages named {@code prefix-queued}, {@code prefix-size} and so on. */
    public static BatchTimes named(String prefix) {
        return new BatchTimes(
                StageTimes.timed(prefix + "queued"),
                StageTimes.counted(prefix + "size"),
                StageTimes.timed(prefix + "written"),
                StageTimes.timed(prefix + "answering"),
                StageTimes.timed(prefix + "answered"));
    }

    public List<StageTimes> all() {
        return List.of(queued, size, written, answering, answered);
    }
}
