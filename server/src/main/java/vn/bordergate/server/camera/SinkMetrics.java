package vn.bordergate.server.camera;

/**
 * Figures of one frame consumer.
 *
 * @param maxFps the rate limit it was attached with (0: as fast as frames come)
 * @param delivered frames handed to it
 * @param skipped frames decoded while it was busy or waiting for its rate limit, which it never saw
 * @param handleMs mean time it spent per frame
 * @param latencyMs mean age of the frames when handed to it (from the encoded frame being available)
 * @param failures frames on which it threw
 */
public record SinkMetrics(
        String name, double maxFps, long delivered, long skipped, double handleMs, double latencyMs, long failures) {}
