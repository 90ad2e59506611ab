package vn.bordergate.workstation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.AdminClient;
import vn.bordergate.common.client.AnprClient;
import vn.bordergate.common.client.CrossingFactsClient;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.GateEventStream;
import vn.bordergate.common.client.GateSiteClient;
import vn.bordergate.common.client.KioskClient;
import vn.bordergate.common.client.SupervisionClient;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.FxThread;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.connection.GateStartup;
import vn.bordergate.workstation.connection.LiveEvents;

/**
 * The workstation's three threading and layering rules, checked on the compiled classes:
 * view models know no scene graph; blocking work goes through the one executor; events reach the FX
 * thread through the one adapter.
 */
class ArchitectureTest {
    /** GateClient and the area clients it hands out: every call through them blocks. */
    private static final Class<?>[] GATE_CLIENTS = {
        GateClient.class,
        KioskClient.class,
        AnprClient.class,
        GateSiteClient.class,
        SupervisionClient.class,
        AdminClient.class,
        CrossingFactsClient.class
    };

    private static JavaClasses main;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter()
                // not ImportOption.DO_NOT_INCLUDE_TESTS: it expects target/, and builds here may use target-ws/
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("vn.bordergate.workstation");
    }

    @Test
    void viewModelsUseOnlyObservablePropertiesAndCollectionsOfJavaFx() {
        viewModelsKnowNoSceneGraph().check(main);
    }

    @Test
    void theViewModelRuleCatchesASceneGraphClass() {
        JavaClasses fixture = new ClassFileImporter().importClasses(SceneViewModel.class);
        assertThat(viewModelsKnowNoSceneGraph().evaluate(fixture).hasViolation())
                .isTrue();
    }

    @Test
    void theViewModelRuleCatchesASceneGraphClassInAPartAViewModelMovedOut() {
        JavaClasses fixture = new ClassFileImporter().importClasses(SplitViewModel.class, SceneLabelPart.class);
        assertThat(viewModelsKnowNoSceneGraph().evaluate(fixture).hasViolation())
                .isTrue();
    }

    /** A view model whose control moved into a part of its own: still forbidden. */
    static final class SplitViewModel {
        final SceneLabelPart part = new SceneLabelPart();
    }

    static final class SceneLabelPart {
        final javafx.scene.control.Label label = null;
    }

    /** What the rule forbids: a view model holding a control. */
    static final class SceneViewModel {
        final javafx.scene.control.Label label = null;
    }

    /**
     * The view models and what they moved their logic into: a class of their own package that a view model uses
     * and that is not a view (OutboxDelivery, FindForm, AgencySteps…), so a split cannot slip past the rule.
     */
    private static DescribedPredicate<JavaClass> viewModelsAndTheirParts() {
        return DescribedPredicate.describe(
                "are view models or non-view classes of their package they use",
                c -> isViewModel(c)
                        || !c.getSimpleName().endsWith("View")
                                && c.getDirectDependenciesToSelf().stream()
                                        .map(d -> d.getOriginClass())
                                        .anyMatch(o -> isViewModel(o)
                                                && o.getPackageName().equals(c.getPackageName())));
    }

    private static boolean isViewModel(JavaClass c) {
        return c.getSimpleName().endsWith("ViewModel")
                || c.getEnclosingClass()
                        .map(e -> e.getSimpleName().endsWith("ViewModel"))
                        .orElse(false);
    }

    private static ArchRule viewModelsKnowNoSceneGraph() {
        return classes()
                .that(viewModelsAndTheirParts())
                .should()
                .onlyDependOnClassesThat(DescribedPredicate.describe(
                        "are outside javafx or in javafx.beans / javafx.collections",
                        c -> !c.getPackageName().startsWith("javafx")
                                || c.getPackageName().startsWith("javafx.beans")
                                || c.getPackageName().startsWith("javafx.collections")))
                .because("view models are tested without the FX toolkit");
    }

    @Test
    void onlyBackgroundWorkMakesThreads() {
        noClasses()
                .that()
                .doNotBelongToAnyOf(BackgroundWork.class)
                .should()
                .callConstructor(Thread.class, Runnable.class, String.class)
                .orShould()
                .callConstructor(Thread.class, Runnable.class)
                .orShould()
                .accessClassesThat()
                .belongToAnyOf(Executors.class, ThreadPoolExecutor.class, ForkJoinPool.class)
                .orShould()
                .callMethodWhere(JavaAccess.Predicates.target(DescribedPredicate.describe(
                        "CompletableFuture.*Async",
                        t -> t.getOwner().isEquivalentTo(CompletableFuture.class)
                                && t.getName().endsWith("Async"))))
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("javafx.concurrent..")
                .because("all blocking work goes through the one executor, BackgroundWork")
                .check(main);
    }

    @Test
    void gateCallsRunInTheBackground() {
        // the client stays in the connection package; elsewhere it is only used inside GateSession.ask lambdas
        classes()
                .that()
                .resideOutsideOfPackage("..workstation.connection..")
                .should(callGateClientOnlyInsideLambdas())
                .because("view models reach the server through GateSession.ask, which runs the call in the"
                        + " background; a direct call would block the FX thread")
                .check(main);
        noClasses()
                .that()
                .haveSimpleNameEndingWith("View")
                .or()
                .haveSimpleNameEndingWith("Cells")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(GATE_CLIENTS)
                .check(main);
    }

    @Test
    void theGateCallRuleCatchesACallOutsideALambda() {
        JavaClasses fixture = new ClassFileImporter()
                .importClasses(BlockingCaller.class, BackgroundCaller.class, BlockingAreaCaller.class);
        assertThat(classes()
                        .should(callGateClientOnlyInsideLambdas())
                        .evaluate(fixture)
                        .getFailureReport()
                        .getDetails())
                .hasSize(2)
                .anyMatch(line -> line.contains("BlockingCaller.health"))
                .anyMatch(line -> line.contains("BlockingAreaCaller.find"));
    }

    /** What the rule forbids as well: a call through an area client kept aside, on the FX thread. */
    static final class BlockingAreaCaller {
        Object find(KioskClient kiosk) {
            return kiosk.findByPlate("29C-123.45");
        }
    }

    /** What the rule forbids: a view model calling the server on the FX thread. */
    static final class BlockingCaller {
        String health(GateClient gate) {
            return gate.health().status();
        }
    }

    /** What the rule allows: the call inside a lambda handed to GateSession.ask. */
    static final class BackgroundCaller {
        Object health(GateSession session) {
            return session.ask(gate -> gate.health().status());
        }
    }

    @Test
    void eventsReachTheFxThreadThroughOneAdapter() {
        noClasses()
                .that()
                .doNotBelongToAnyOf(LiveEvents.class, GateSession.class)
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(GateEventStream.class, GateEventStream.Listener.class)
                .because("LiveEvents is the one adapter that moves the server's events onto the FX thread")
                .check(main);
        noClasses()
                .that()
                .doNotBelongToAnyOf(FxThread.class)
                .should()
                .callMethod(Platform.class, "runLater", Runnable.class)
                .check(main);
    }

    @Test
    void onlyGateStartupTouchesTheServerModule() {
        noClasses()
                .that()
                .doNotBelongToAnyOf(GateStartup.class)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("vn.bordergate.server..")
                .check(main);
    }

    private static ArchCondition<JavaClass> callGateClientOnlyInsideLambdas() {
        return new ArchCondition<>("call GateClient and its area clients only inside lambdas") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
                    // GateSession.open logs in: as blocking as any call through the client
                    boolean toClient = Arrays.stream(GATE_CLIENTS).anyMatch(call.getTargetOwner()::isEquivalentTo)
                            || (call.getTargetOwner().isEquivalentTo(GateSession.class)
                                    && call.getName().equals("open"));
                    boolean inLambda = call.isDeclaredInLambda();
                    if (toClient && !inLambda) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                    }
                }
            }
        };
    }
}
