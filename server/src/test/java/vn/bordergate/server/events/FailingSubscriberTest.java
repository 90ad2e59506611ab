package vn.bordergate.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.event.CameraStatusEvent;
import vn.bordergate.common.event.CameraStatusEvent.CameraState;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.server.support.Await;

/** One subscriber's failure, even an {@link Error}, costs only that subscriber its events; a double subscribe is one. */
class FailingSubscriberTest {
    @Test
    void aSubscriberThrowingAnErrorIsDroppedAndEveryOtherIsStillTold() throws InterruptedException {
        EventHub hub = new EventHub(GateJson.newMapper(), Clock.systemUTC());
        List<Long> calm = new CopyOnWriteArrayList<>();
        List<Long> beside = new CopyOnWriteArrayList<>();
        hub.subscribe(calm::add);
        // the second subscriber goes to the other teller, the failing third beside the first
        hub.subscribe(beside::add);
        // armed only once counted: a teller may call it at once, and dropping it then raced the count below
        AtomicBoolean armed = new AtomicBoolean();
        hub.subscribe(latest -> {
            if (armed.get()) {
                throw new StackOverflowError("a subscriber's bug");
            }
        });
        assertThat(hub.subscriberCount()).isEqualTo(3);
        armed.set(true);

        for (int i = 0; i < 50; i++) {
            hub.publish(new CameraStatusEvent("CAM-FAIL", CameraState.STREAMING, i, null));
        }
        Await.until(() -> calm.contains(50L) && beside.contains(50L), "both others told of envelope 50");
        Await.until(() -> hub.subscriberCount() == 2, "the failing subscriber dropped");

        hub.publish(new CameraStatusEvent("CAM-FAIL", CameraState.STREAMING, 50, null));
        Await.until(() -> calm.contains(51L) && beside.contains(51L), "both told of the next round too");
    }

    @Test
    void subscribingTwiceSubscribesOnce() throws InterruptedException {
        EventHub hub = new EventHub(GateJson.newMapper(), Clock.systemUTC());
        EventHub.Subscriber once = latest -> {};
        hub.subscribe(once);
        hub.subscribe(once);
        assertThat(Arrays.stream(hub.shares()).sum()).isEqualTo(1);
    }
}
