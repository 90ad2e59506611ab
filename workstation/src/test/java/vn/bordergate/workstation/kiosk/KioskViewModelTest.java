package vn.bordergate.workstation.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.UiThread;
import vn.bordergate.workstation.text.Wording;

/** The driver's way through the kiosk, against a real gate server, without the FX toolkit. */
class KioskViewModelTest {
    private final DemoGate gate = DemoGate.shared();
    private final UiThread ui = new UiThread();
    private final BackgroundWork work = new BackgroundWork(ui);
    private final TestClock clock = new TestClock();
    private KioskViewModel model;

    @TempDir
    Path tickets;

    @BeforeEach
    void kiosk() {
        var session = KioskGates.kiosk(gate, work);
        model = ui.call(() -> new KioskViewModel(session, work, clock, Duration.ofSeconds(60), tickets));
    }

    @AfterEach
    void stop() {
        work.close();
        ui.close();
    }

    private <T> T on(java.util.concurrent.Callable<T> read) {
        return ui.call(read);
    }

    private void await(java.util.function.Supplier<java.util.concurrent.CompletableFuture<?>> action) throws Exception {
        ui.call(action::get).get(60, TimeUnit.SECONDS);
    }

    @Test
    void aDriverFindsTheTripByPlateAndChecksIn() throws Exception {
        CrossingDto trip = KioskGates.accepted(gate);
        ui.run(() -> model.chooseLanguage(Wording.ENGLISH));
        assertThat(on(() -> model.step().get())).isEqualTo(KioskStep.FIND);
        ui.run(() -> model.plate().set(trip.tractorPlate().replace("-", "").replace(".", "")));

        await(model::find);

        assertThat(on(() -> model.step().get())).isEqualTo(KioskStep.CROSSING);
        assertThat(on(() -> model.crossing().get().crossingId())).isEqualTo(trip.id());
        assertThat(on(() -> model.checkable().get())).isTrue();
        assertThat(on(() -> model.advice().get())).contains("queue number");

        await(model::checkIn);

        assertThat(on(() -> model.step().get())).isEqualTo(KioskStep.QUEUE);
        var queue = on(() -> model.crossing().get().queue());
        assertThat(queue.queueNumber()).isPositive();
        assertThat(queue.position()).isPositive();
        assertThat(queue.yardName()).isNotBlank();
        assertThat(on(() -> model.crossing().get().status())).isEqualTo(CrossingStatus.IN_PROGRESS);
        assertThat(on(() -> model.advice().get())).isEqualTo("Your truck is in the queue.");
    }

    @Test
    void theTicketIsSavedAsAPdfWithPlateAndQueueNumber() throws Exception {
        CrossingDto trip = KioskGates.accepted(gate);
        ui.run(() -> {
            model.chooseLanguage(Wording.VIETNAMESE);
            model.mode().set(FindMode.CODE);
            model.code().set(trip.declarationCode().toLowerCase());
        });
        await(model::find);
        await(model::checkIn);
        int number = on(() -> model.crossing().get().queue().queueNumber());

        Path saved = ui.call(model::saveTicket).get(120, TimeUnit.SECONDS).file();

        assertThat(saved).exists().startsWith(tickets);
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(saved))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(trip.tractorPlate()).contains(String.valueOf(number));
        }
        assertThat(on(() -> model.message().get())).startsWith("Đã lưu phiếu");
    }

    @Test
    void aTripNotYetAcceptedCannotBeCheckedInAndTheDriverIsToldWhy() throws Exception {
        CrossingDto declared = gate.declare(DemoGate.uniquePlate());
        ui.run(() -> {
            model.chooseLanguage(Wording.VIETNAMESE);
            model.plate().set(declared.tractorPlate());
        });

        await(model::find);

        assertThat(on(() -> model.step().get())).isEqualTo(KioskStep.CROSSING);
        assertThat(on(() -> model.checkable().get())).isFalse();
        assertThat(on(() -> model.advice().get())).contains("chưa được Hải quan chấp nhận");
    }

    @Test
    void anUnknownPlateIsSaidInTheDriversLanguage() throws Exception {
        ui.run(() -> {
            model.chooseLanguage(Wording.CHINESE);
            model.plate().set("99Z-999.99");
        });

        await(model::find);

        assertThat(on(() -> model.step().get())).isEqualTo(KioskStep.FIND);
        assertThat(on(() -> model.message().get())).contains("今天没有车牌为 99Z-999.99");
    }

    @Test
    void leftAloneForTheIdleTimeoutTheKioskStartsOverAndForgetsTheDriver() throws Exception {
        CrossingDto trip = KioskGates.accepted(gate);
        ui.run(() -> {
            model.chooseLanguage(Wording.ENGLISH);
            model.plate().set(trip.tractorPlate());
        });
        await(model::find);
        assertThat(on(() -> model.crossing().get())).isNotNull();

        clock.advance(Duration.ofSeconds(59));
        assertThat(on(model::checkIdle)).as("59 s: still the driver's").isFalse();
        ui.run(model::touch);
        clock.advance(Duration.ofSeconds(59));
        assertThat(on(model::checkIdle)).as("a touch restarts the countdown").isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(on(model::checkIdle)).isTrue();

        assertThat(on(() -> model.step().get())).isEqualTo(KioskStep.START);
        assertThat(on(() -> model.crossing().get())).isNull();
        assertThat(on(() -> model.plate().get())).isEmpty();
        assertThat(on(() -> model.advice().get())).isEmpty();
        assertThat(on(() -> model.message().get())).isEmpty();
        assertThat(on(() -> model.words().locale())).isEqualTo(Wording.VIETNAMESE);
        assertThat(on(model::checkIdle)).as("the start screen never times out").isFalse();
    }
}
