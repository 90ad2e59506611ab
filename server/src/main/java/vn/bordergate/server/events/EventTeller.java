package vn.bordergate.server.events;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that tells its share of the subscribers of each new round in the journal. Handing a frame to a socket
 * is a write to the network, some 20–40 µs on a loaded two-core host: one thread for 500 workstations made the last
 * of them wait 17 ms (median) to 90 ms (p99) for every round, and the next round queue behind it (session 20's stage
 * timings). Several tellers write their shares at once; each subscriber stays with one teller, so its calls still
 * come one at a time and in order. The dispatcher waits for every teller it woke (those with subscribers) before its
 * next round, as it waited for its own telling before: the journal never runs ahead of a socket's lag checks by more
 * than the round in which a teller got its first subscriber, and publishers still feel back-pressure.
 */
final class EventTeller {
    private static final Logger LOG = LoggerFactory.getLogger(EventTeller.class);

    private final EventJournal journal;
    private final Set<EventHub.Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /**
     * Subscribers that joined since this teller last looked: one that joins after the teller told the journal's latest
     * envelope (with nobody to tell, or just before it joined) is told of it at once, not at the next round.
     */
    private final Queue<EventHub.Subscriber> joining = new ConcurrentLinkedQueue<>();

    private final Thread thread;
    /** Unparked when a round is told, so it can go on to the next one. */
    private final Thread dispatcher;
    /** The latest envelope this teller has told all its subscribers of. */
    private volatile long told;

    EventTeller(EventJournal journal, Thread dispatcher, String name) {
        this.journal = journal;
        this.dispatcher = dispatcher;
        this.thread = new Thread(this::tell, name);
        thread.setDaemon(true);
        thread.start();
    }

    Set<EventHub.Subscriber> subscribers() {
        return subscribers;
    }

    /** Adds {@code subscriber} and has it told of what the journal holds now, even if no new envelope comes. */
    void join(EventHub.Subscriber subscriber) {
        subscribers.add(subscriber);
        joining.add(subscriber);
        wake();
    }

    /** Called after each append: wakes the thread if it waits (a wake-up before it parks is not lost). */
    void wake() {
        LockSupport.unpark(thread);
    }

    /** Whether every subscriber of this teller has been told of envelopes up to {@code latest}. */
    boolean hasTold(long latest) {
        return told >= latest;
    }

    private void tell() {
        while (true) {
            long latest = journal.latest();
            // a newcomer is in `subscribers` before it is queued here: when there is a new round it is told below
            for (EventHub.Subscriber joined = joining.poll(); joined != null; joined = joining.poll()) {
                if (latest <= told && subscribers.contains(joined)) {
                    tell(joined, latest);
                }
            }
            if (latest <= told) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    return;
                }
                continue;
            }
            for (EventHub.Subscriber subscriber : subscribers) {
                tell(subscriber, latest);
            }
            told = latest;
            LockSupport.unpark(dispatcher);
        }
    }

    private void tell(EventHub.Subscriber subscriber, long latest) {
        try {
            subscriber.appended(latest);
        } catch (RuntimeException e) {
            LOG.debug("subscriber failed, dropping it: {}", e.getMessage());
            subscribers.remove(subscriber);
        } catch (Error e) {
            // not let through: this thread's end would leave the dispatcher waiting for it and stop every
            // workstation's events; an OutOfMemoryError ends the product's server before it gets here
            LOG.error("subscriber failed, dropping it", e);
            subscribers.remove(subscriber);
        }
    }
}
