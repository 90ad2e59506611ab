package vn.bordergate.common.dto;

import java.time.Instant;

/**
 * A checked-in crossing's place in the yard's queue.
 *
 * @param queueNumber the number printed on the ticket, counted from 1 each gate day
 * @param position 1 when next, counting the checked-in vehicles still waiting ahead; null once the
 *     vehicle no longer waits (called to a lane, released or turned back)
 * @param calledLane the lane the vehicle is called to, null until called
 */
public record KioskQueueDto(
        int queueNumber, Instant checkedInAt, String yardCode, String yardName, Integer position, String calledLane) {}
