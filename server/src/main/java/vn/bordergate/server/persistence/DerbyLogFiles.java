package vn.bordergate.server.persistence;

/**
 * How often Derby starts a new transaction log file and checkpoints. By default it starts a new 1 MB file, and
 * checkpoints every 10 MB of log: at thousands of plate reads a second that was a few log switches a second and a
 * checkpoint every few seconds, and the commits' log writes around them took 10–80 ms while every other writer waited
 * (JFR FileWrite events, docs/benchmarks.md "readrate"). With larger files and rarer checkpoints a crash replays more
 * log at the next start (up to one checkpoint interval) and the log directory holds more; what is committed is as
 * durable as before: every commit still waits for its log write to reach the disk.
 */
final class DerbyLogFiles {
    static final int LOG_SWITCH_BYTES = 16 * 1024 * 1024;
    static final int CHECKPOINT_BYTES = 64 * 1024 * 1024;
    static final String LOG_SWITCH_PROPERTY = "derby.storage.logSwitchInterval";
    static final String CHECKPOINT_PROPERTY = "derby.storage.checkpointInterval";

    private DerbyLogFiles() {}

    /** Read when the database boots; an operator's own setting wins (see {@link GateDatabase}). */
    static void switchRarely() {
        GateDatabase.setUnlessOperatorDid(LOG_SWITCH_PROPERTY, Integer.toString(LOG_SWITCH_BYTES));
        GateDatabase.setUnlessOperatorDid(CHECKPOINT_PROPERTY, Integer.toString(CHECKPOINT_BYTES));
    }
}
