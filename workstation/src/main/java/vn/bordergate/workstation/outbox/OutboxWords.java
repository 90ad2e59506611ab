package vn.bordergate.workstation.outbox;

import java.util.ArrayList;
import java.util.List;
import vn.bordergate.workstation.text.Wording;

/** An outbox action and what happened to it, in the officer's words. */
public final class OutboxWords {
    private final Wording words;

    public OutboxWords(Wording words) {
        this.words = words;
    }

    /** "Hold · step 4 · 20C-123.45 · 14:05". */
    public String action(OutboxAction a) {
        return words.text("outbox.line", kind(a.kind()), a.step().number(), a.plate(), words.time(a.queuedAt()));
    }

    public String kind(ActionKind kind) {
        return words.text("outbox.kind." + kind.name());
    }

    /** Where the entry stands: waiting, sent and waiting for the answer, or refused and why. */
    public String state(OutboxEntry entry, boolean waitingForLogin) {
        if (entry.refused()) {
            return words.text("outbox.refused", change(entry.action(), entry.problem()));
        }
        if (waitingForLogin) {
            return words.text("outbox.state.login");
        }
        return words.text(entry.attempted() ? "outbox.state.sending" : "outbox.state.waiting");
    }

    /** What changed on the crossing since the officer acted: the step, the crossing, the server's words. */
    public String change(OutboxAction a, ActionProblem p) {
        List<String> parts = new ArrayList<>();
        if (p.nowState() != null && p.nowState() != a.seenState()) {
            String by =
                    p.nowOfficer() == null ? "" : words.text("outbox.change.by", p.nowOfficer(), words.time(p.nowAt()));
            parts.add(words.text(
                    "outbox.change.step",
                    a.step().number(),
                    words.state(a.seenState()),
                    words.state(p.nowState()),
                    by));
        }
        if (p.nowStatus() != null && !p.nowStatus().isOpen()) {
            parts.add(words.text("outbox.change.closed", words.status(p.nowStatus())));
        }
        if (p.serverMessage() != null && !p.serverMessage().isBlank()) {
            parts.add(words.text("outbox.change.server", p.serverMessage()));
        }
        if (p.nowVersion() < 0) {
            parts.add(words.text("outbox.change.unknown"));
        }
        return String.join(" ", parts);
    }
}
