package vn.bordergate.common.event;

import java.time.Instant;

/**
 * One WebSocket frame: a sequence number (so a client sees what it missed), when the server sent
 * it (fan-out latency is measured against it), and the event.
 */
public record EventEnvelope(long seq, Instant sentAt, GateEvent event) {}
