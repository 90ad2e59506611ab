package vn.bordergate.server.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.event.EventEnvelope;
import vn.bordergate.common.event.GateEvent;

/**
 * Fans each event out to every subscriber. Publishers only queue the event: one dispatcher thread
 * numbers it, serialises it once into the {@link EventJournal} and has its {@link EventTeller}s tell every
 * subscriber (each teller its share, at the same time), so a request never waits for hundreds of sockets
 * and every subscriber sees events in sequence order. The dispatcher takes whatever queued up meanwhile as
 * one round and tells each subscriber once per round, so a busy gate costs one frame per subscriber per
 * round, not one per event. The queue is bounded: when the dispatcher falls that far behind, publishers
 * wait (back-pressure) instead of memory growing.
 * Subscribers must not block (a slow workstation drops itself, it never slows the others).
 */
public final class EventHub implements EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    static final int QUEUE_CAPACITY = 10_000;
    /** Events numbered per round at most, so subscribers are checked for lag at least this often. */
    static final int ROUND = 256;
    /** Bytes per round at most: half a socket's lag bound, so one round alone never makes a socket "slow". */
    static final int ROUND_BYTES = 128 * 1024;
    /** Threads handing frames to the sockets (one thread for 500 workstations was the fan-out's largest wait). */
    static final int TELLERS = 2;

    /** A connected client: told that envelopes up to {@code latest} are in the journal. Must not block. */
    public interface Subscriber {
        void appended(long latest);
    }

    private final ObjectMapper json;
    private final Clock clock;
    /** Threads that hand the frames to the sockets, each for its share of them. */
    private final EventTeller[] tellers;

    private final BlockingQueue<Published> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final EventJournal journal = new EventJournal();
    private long seq;
    /** Tellers woken by the dispatcher so far (tests: none while no workstation listens). */
    private volatile long tellerWakes;

    public EventHub(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
        Thread dispatcher = new Thread(this::dispatch, "event-fan-out");
        dispatcher.setDaemon(true);
        this.tellers = new EventTeller[TELLERS];
        for (int i = 0; i < TELLERS; i++) {
            tellers[i] = new EventTeller(journal, dispatcher, "event-fan-out-" + (i + 1));
        }
        dispatcher.start();
    }

    /**
     * To the teller with the fewest subscribers, so their shares stay even as workstations come and go. The teller is
     * woken: the dispatcher does not wake a teller without subscribers, so envelopes appended just before (the
     * subscriber's start read beside them) are told now, not only at the next round, which may be long in coming.
     */
    public synchronized void subscribe(Subscriber subscriber) {
        EventTeller least = tellers[0];
        for (EventTeller teller : tellers) {
            if (teller.subscribers().contains(subscriber)) {
                return; // on two tellers it would be told from two threads at once
            }
            if (teller.subscribers().size() < least.subscribers().size()) {
                least = teller;
            }
        }
        least.join(subscriber);
    }

    public void unsubscribe(Subscriber subscriber) {
        for (EventTeller teller : tellers) {
            teller.subscribers().remove(subscriber);
        }
    }

    /** The encoded envelopes subscribers send from. */
    public EventJournal journal() {
        return journal;
    }

    /** How many subscribers each teller has (tests: that they all share the sockets). */
    int[] shares() {
        int[] shares = new int[tellers.length];
        for (int i = 0; i < tellers.length; i++) {
            shares[i] = tellers[i].subscribers().size();
        }
        return shares;
    }

    public int subscriberCount() {
        int count = 0;
        for (EventTeller teller : tellers) {
            count += teller.subscribers().size();
        }
        return count;
    }

    /** An event and when it was published: its envelope's {@code sentAt}, so time in the queue counts as lag. */
    private record Published(GateEvent event, Instant at) {}

    @Override
    public void publish(GateEvent event) {
        Published published = new Published(event, clock.instant());
        if (queue.offer(published)) {
            return;
        }
        try {
            if (!queue.offer(published, 5, TimeUnit.SECONDS)) {
                LOG.warn(
                        "event {} dropped: the fan-out is 5 s behind",
                        event.getClass().getSimpleName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean tryPublish(GateEvent event) {
        return queue.offer(new Published(event, clock.instant()));
    }

    private void dispatch() {
        List<Published> round = new ArrayList<>(ROUND);
        while (true) {
            try {
                round.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(round, ROUND - 1);
            try {
                int bytes = 0;
                for (Published event : round) {
                    if (bytes >= ROUND_BYTES) {
                        tellSubscribers();
                        bytes = 0;
                    }
                    bytes += append(event);
                }
                tellSubscribers();
            } catch (RuntimeException e) {
                LOG.error("events not sent", e);
            }
            round.clear();
        }
    }

    /** Numbers and encodes the event into the journal; its size in bytes (0 when it can't be). */
    private int append(Published published) {
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(new EventEnvelope(seq + 1, published.at(), published.event()));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.error(
                    "event {} not sent: cannot serialise",
                    published.event().getClass().getSimpleName(),
                    e);
            return 0;
        }
        journal.append(++seq, payload);
        return payload.length;
    }

    /** Tellers woken by the dispatcher so far. */
    long tellerWakes() {
        return tellerWakes;
    }

    /**
     * Has every teller with subscribers tell them of what the journal holds, and waits until they all have. A teller
     * without subscribers is neither woken nor waited for: with no workstation connected, waking both tellers and
     * waiting for them was most of the fan-out threads' 0.017–0.021 ms of a plate read's ~0.22 ms of server CPU
     * (0.008–0.010 ms without; session 21, PlateReadCpuBenchmark). One that gets a subscriber meanwhile is woken by
     * {@link #subscribe}.
     */
    private void tellSubscribers() {
        long latest = journal.latest();
        int woken = 0;
        for (int i = 0; i < tellers.length; i++) {
            if (!tellers[i].subscribers().isEmpty()) {
                tellers[i].wake();
                woken |= 1 << i;
            }
        }
        if (woken != 0) {
            tellerWakes += Integer.bitCount(woken);
        }
        for (int i = 0; i < tellers.length; i++) {
            while ((woken & 1 << i) != 0
                    && !tellers[i].hasTold(latest)
                    && !Thread.currentThread().isInterrupted()) {
                LockSupport.park(this);
            }
        }
    }
}
