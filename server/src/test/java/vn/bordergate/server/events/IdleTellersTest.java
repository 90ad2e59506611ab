package vn.bordergate.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.event.CameraStatusEvent;
import vn.bordergate.common.event.CameraStatusEvent.CameraState;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.server.support.Await;

/**
 * With no workstation connected the hub's tellers are not woken for each round (they cost thread switches for nothing),
 * and a workstation that subscribes afterwards is still told of what the journal holds without waiting for another
 * event.
 */
class IdleTellersTest {
    @Test
    void noTellerIsWokenWhileNobodyListensAndANewSubscriberIsToldAtOnce() throws InterruptedException {
        EventHub hub = new EventHub(GateJson.newMapper(), Clock.systemUTC());
        for (int i = 0; i < 200; i++) {
            hub.publish(new CameraStatusEvent("CAM-IDLE", CameraState.STREAMING, i, null));
        }
        Await.until(() -> hub.journal().latest() == 200, "the 200 events appended");
        assertThat(hub.tellerWakes()).as("tellers woken with no subscriber").isZero();

        // no further event comes: the subscriber must be told of the 200 by its teller being woken at subscribe
        List<Long> told = new CopyOnWriteArrayList<>();
        hub.subscribe(told::add);
        Await.until(() -> told.contains(200L), "the new subscriber told of envelope 200 (told: " + told + ")");

        hub.publish(new CameraStatusEvent("CAM-IDLE", CameraState.STREAMING, 200, null));
        Await.until(() -> told.contains(201L), "the subscriber told of the next round (told: " + told + ")");
        // a teller still awake from the subscribe may tell 201 before the dispatcher counts its wake-up
        Await.until(() -> hub.tellerWakes() > 0, "the subscriber's teller woken for rounds again");
    }

    @Test
    void aWorkstationThatSubscribesAfterAnotherHasLeftIsToldAtOnce() throws InterruptedException {
        EventHub hub = new EventHub(GateJson.newMapper(), Clock.systemUTC());
        for (int i = 0; i < 200; i++) {
            hub.publish(new CameraStatusEvent("CAM-IDLE", CameraState.STREAMING, i, null));
        }
        Await.until(() -> hub.journal().latest() == 200, "the 200 events appended");
        // the first workstation is told of the 200 and leaves: its teller has told the journal's latest envelope
        List<Long> first = new CopyOnWriteArrayList<>();
        EventHub.Subscriber leaving = first::add;
        hub.subscribe(leaving);
        Await.until(() -> first.contains(200L), "the first subscriber told of envelope 200 (told: " + first + ")");
        hub.unsubscribe(leaving);

        // the next one joins the same teller (both have none): no further event comes, and it must still be told
        List<Long> told = new CopyOnWriteArrayList<>();
        hub.subscribe(told::add);
        Await.until(() -> told.contains(200L), "the new subscriber told of envelope 200 (told: " + told + ")");
    }
}
