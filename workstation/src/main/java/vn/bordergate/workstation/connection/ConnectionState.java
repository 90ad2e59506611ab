package vn.bordergate.workstation.connection;

/** Whether live events from the gate server are reaching this workstation. */
public enum ConnectionState {
    /** The first connection is being made. */
    CONNECTING,
    /** Events arrive as they happen. */
    CONNECTED,
    /** The connection dropped; the next attempt is scheduled. What the screen shows may be stale. */
    RECONNECTING,
    /** The server no longer accepts this session (expired or revoked): only logging in again helps. */
    SESSION_ENDED,
    /** Closed on purpose (logging out, closing the window). */
    CLOSED
}
