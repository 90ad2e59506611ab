package vn.bordergate.server.persistence;

import java.util.Set;

/**
 * The SQL states of a lock wait that timed out or of a deadlock's victim (Derby 40XL1/40XL2/40001, PostgreSQL
 * 55P03/40P01): a transaction that lost a race for a row, not an error of ours. One list, so the 503 answer
 * ({@code ConcurrentChanges}) and the log filter ({@link LockWaitLogFilter}) can never disagree.
 */
public final class LockWaitStates {
    private static final Set<String> STATES = Set.of("40XL1", "40XL2", "40001", "55P03", "40P01");

    private LockWaitStates() {}

    public static boolean isLockWait(String sqlState) {
        return sqlState != null && STATES.contains(sqlState);
    }
}
