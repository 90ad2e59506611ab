package vn.bordergate.workstation.outbox;

/**
 * An action in the outbox and how far it got.
 *
 * @param attempted sent at least once: the server may have applied it, so a retry goes out without the
 *     staleness check (the step is expected to have changed — by this very action) and relies on the key
 * @param problem why the server refused it, or what changed; null while it waits to be sent
 */
public record OutboxEntry(OutboxAction action, boolean attempted, ActionProblem problem) {
    public String key() {
        return action.key();
    }

    public boolean refused() {
        return problem != null;
    }

    OutboxEntry asAttempted() {
        return new OutboxEntry(action, true, problem);
    }

    OutboxEntry with(ActionProblem refusal) {
        return new OutboxEntry(action, attempted, refusal);
    }
}
