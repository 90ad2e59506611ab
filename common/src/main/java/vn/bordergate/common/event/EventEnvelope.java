package vn.bordergate.common.event;

import java.time.Instant;

/**
 * One event of the stream (a WebSocket message holds one, or an array of them): a sequence number (so a
 * client sees what it missed), when the server published it (fan-out latency is measured against it, so
 * it includes any wait in the server before sending), and the event.
 */
public record EventEnvelope(long seq, Instant sentAt, GateEvent event) {}
