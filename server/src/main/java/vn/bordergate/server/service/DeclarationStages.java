package vn.bordergate.server.service;

import java.util.ArrayList;
import java.util.List;
import vn.bordergate.server.metrics.StageTimes;
import vn.bordergate.server.persistence.BatchTimes;

/**
 * Where new declarations spend their time in the server, stage by stage (metrics {@code gate_declaration_stage}): the
 * request thread's check and queueing ({@code declaration-checked}), then the writer's stages ({@link BatchTimes}),
 * and within a batch's write its statements, its commit (Derby's log flush) and telling the plate matcher. Kept so a
 * slow declaration's time can be told apart from the client's and the GC's (issue 8: the p99 target).
 */
final class DeclarationStages {
    final StageTimes checked = StageTimes.timed("declaration-checked");
    final BatchTimes batches = BatchTimes.named("declaration-");
    final StageTimes statements = StageTimes.timed("declaration-statements");
    final StageTimes commit = StageTimes.timed("declaration-commit");
    final StageTimes matcher = StageTimes.timed("declaration-matcher");

    List<StageTimes> all() {
        List<StageTimes> all = new ArrayList<>(List.of(checked));
        all.addAll(batches.all());
        all.addAll(List.of(statements, commit, matcher));
        return List.copyOf(all);
    }
}
