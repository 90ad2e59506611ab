package vn.bordergate.workstation.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.UiThread;
import vn.bordergate.workstation.text.Wording;

/** An enterprise declares a repeat trip at the kiosk, against a real gate server, without the toolkit. */
class RepeatDeclarationViewModelTest {
    private final DemoGate gate = DemoGate.shared();
    private final UiThread ui = new UiThread();
    private final BackgroundWork work = new BackgroundWork(ui);
    private final TestClock clock = new TestClock();
    private KioskViewModel kiosk;
    private RepeatDeclarationViewModel model;

    @TempDir
    Path tickets;

    @BeforeEach
    void signIn() throws Exception {
        var session = KioskGates.kiosk(gate, work);
        kiosk = ui.call(() -> new KioskViewModel(session, work, clock, Duration.ofSeconds(60), tickets));
        model = kiosk.repeat();
        ui.run(() -> kiosk.startRepeatDeclaration(Wording.ENGLISH));
    }

    @AfterEach
    void stop() {
        work.close();
        ui.close();
    }

    private <T> T on(Callable<T> read) {
        return ui.call(read);
    }

    /** A trip of the demo exporter that is over (cancelled), so its truck may be declared again. */
    private DeclarationDto finishedTrip() {
        CrossingDto declared = gate.declare(DemoGate.uniquePlate());
        return gate.as("enterprise").cancelDeclaration(declared.declarationId());
    }

    private void signInAs(String user, String password) throws Exception {
        ui.run(() -> {
            model.username().set(user);
            model.password().set(password);
        });
        ui.call(model::signIn).get(60, TimeUnit.SECONDS);
    }

    @Test
    void pickingAnEarlierDeclarationPrefillsVehicleDriverAndGoodsAndSubmitsWhatDiffers() throws Exception {
        DeclarationDto earlier = finishedTrip();
        signInAs("enterprise", DemoGate.PASSWORD);
        assertThat(on(() -> kiosk.step().get())).isEqualTo(KioskStep.REPEAT);
        assertThat(on(() -> model.password().get()))
                .as("the password is not kept")
                .isEmpty();
        DeclarationDto listed = on(() -> model.previous().stream()
                .filter(d -> d.id() == earlier.id())
                .findFirst()
                .orElseThrow());
        assertThat(on(() -> model.goodsSuggestions())).contains("Sầu riêng tươi");

        ui.run(() -> model.pick(listed));
        assertThat(on(() -> model.goods().size())).isEqualTo(1);
        assertThat(on(() -> model.goods().get(0).description().get())).isEqualTo("Sầu riêng tươi");
        assertThat(on(() -> model.goods().get(0).quantity().get())).isEqualTo("12000");
        assertThat(on(() -> model.arrivalDate().get())).isNotNull();
        assertThat(on(() -> model.arrivalTime().get())).matches("\\d\\d:30");

        ui.run(() -> {
            model.goods().get(0).quantity().set("9500");
            model.goods().get(0).grossWeightKg().set("10120,5");
        });
        ui.call(model::submit).get(60, TimeUnit.SECONDS);

        DeclarationDto sent = on(() -> model.submitted().get());
        assertThat(sent).as(on(() -> model.message().get())).isNotNull();
        DeclarationDto stored = gate.as("customs").declaration(sent.id());
        assertThat(stored.id()).isNotEqualTo(earlier.id());
        assertThat(stored.tractorPlate()).isEqualTo(earlier.tractorPlate());
        assertThat(stored.driver()).isEqualTo(earlier.driver());
        assertThat(stored.goods().get(0).quantity()).isEqualByComparingTo(new BigDecimal("9500"));
        assertThat(stored.goods().get(0).grossWeightKg()).isEqualByComparingTo(new BigDecimal("10120.5"));
        assertThat(stored.goods().get(0).hsCode())
                .isEqualTo(earlier.goods().get(0).hsCode());
        assertThat(stored.medical())
                .as("health is declared afresh, never copied")
                .isNull();
        assertThat(on(() -> model.message().get())).startsWith("Declaration " + sent.code());

        ui.call(model::submit).get(60, TimeUnit.SECONDS);
        assertThat(gate.as("enterprise").declarations(null, 1000).stream()
                        .filter(d -> d.tractorPlate().equals(earlier.tractorPlate()))
                        .count())
                .as("a second tap sends nothing twice")
                .isEqualTo(2);
    }

    @Test
    void aWrongNumberIsSaidAndNothingIsSent() throws Exception {
        DeclarationDto earlier = finishedTrip();
        signInAs("enterprise", DemoGate.PASSWORD);
        DeclarationDto listed = on(() -> model.previous().stream()
                .filter(d -> d.id() == earlier.id())
                .findFirst()
                .orElseThrow());
        ui.run(() -> {
            model.pick(listed);
            model.goods().get(0).quantity().set("lots");
        });

        ui.call(model::submit).get(10, TimeUnit.SECONDS);

        assertThat(on(() -> model.message().get())).isEqualTo("\u201clots\u201d is not a positive number.");
        assertThat(on(() -> model.submitted().get())).isNull();
    }

    @Test
    void aKioskOrOfficerAccountCannotSignInForARepeatDeclaration() throws Exception {
        signInAs("customs", DemoGate.PASSWORD);

        assertThat(on(() -> model.signedIn().get())).isFalse();
        assertThat(on(() -> kiosk.step().get())).isEqualTo(KioskStep.SIGN_IN);
        assertThat(on(() -> model.message().get())).isNotEmpty();
    }

    @Test
    void theIdleTimeoutSignsTheEnterpriseOutAndClearsTheForm() throws Exception {
        finishedTrip();
        signInAs("enterprise", DemoGate.PASSWORD);
        ui.run(() -> model.pick(model.previous().get(0)));

        clock.advance(Duration.ofSeconds(61));
        assertThat(on(kiosk::checkIdle)).isTrue();

        assertThat(on(() -> model.signedIn().get())).isFalse();
        assertThat(on(() -> model.previous())).isEmpty();
        assertThat(on(() -> model.goods())).isEmpty();
        assertThat(on(() -> model.goodsSuggestions())).isEmpty();
        assertThat(on(() -> model.picked().get())).isNull();
        assertThat(on(() -> model.enterpriseName().get())).isEmpty();
        assertThat(on(() -> kiosk.step().get())).isEqualTo(KioskStep.START);
    }
}
