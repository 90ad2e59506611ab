package vn.bordergate.server.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Random;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.FeeKind;
import vn.bordergate.common.dto.FeeRequest;
import vn.bordergate.common.dto.GateActionRequest;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.dto.VehicleType;
import vn.bordergate.common.dto.WeighingRequest;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.server.demo.DemoPlans.End;
import vn.bordergate.server.demo.DemoPlans.Plan;
import vn.bordergate.server.demo.DemoTrips.Trip;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.service.CrossingService;
import vn.bordergate.server.service.DeclarationService;
import vn.bordergate.server.service.FeeService;
import vn.bordergate.server.service.WeighingService;

/** Plays the day through the services, as the enterprises and officers would have done it. */
final class DemoDay {
    private static final String[] SCALES = {"CAN-HN-01", "CAN-HN-02"};

    private final DeclarationService declarations;
    private final CrossingService crossings;
    private final WeighingService weighings;
    private final FeeService fees;
    private final Map<Agency, Actor> officers;
    private final Random random;
    private final String receiptPrefix;
    private int receipts;
    private int decisions;
    private int weighed;
    private int charged;
    private int released;

    DemoDay(
            DeclarationService declarations,
            CrossingService crossings,
            WeighingService weighings,
            FeeService fees,
            Map<Agency, Actor> officers,
            Random random,
            Instant now,
            ZoneId zone) {
        this.declarations = declarations;
        this.crossings = crossings;
        this.weighings = weighings;
        this.fees = fees;
        this.officers = officers;
        this.random = random;
        this.receiptPrefix = "HN" + DateTimeFormatter.ofPattern("yyMMdd").format(now.atZone(zone)) + "-";
    }

    /** Declares the trip for its enterprise and answers the crossing it opened. */
    long declare(Actor enterprise, Trip trip, Instant expectedArrival) {
        DeclarationRequest request = new DeclarationRequest(
                null,
                trip.direction(),
                trip.tractorPlate(),
                trip.trailerPlate(),
                trip.vehicleType(),
                trip.driver(),
                trip.goods(),
                expectedArrival,
                trip.twoWayTransport(),
                trip.medical());
        return declarations.submit(enterprise, request, null).crossingId();
    }

    /** Passes the plan's steps in order, weighing at vehicle control and charging fees at fee collection. */
    void advance(long crossing, Trip trip, Plan plan) {
        for (int i = 0; i < plan.passes(); i++) {
            Step step = plan.order().get(i);
            before(crossing, trip, step, false);
            decide(crossing, step, Outcome.PASS, null);
        }
        switch (plan.end()) {
            case HOLD, REJECT -> {
                Step step = plan.order().get(plan.passes());
                before(crossing, trip, step, plan.end() == End.HOLD);
                decide(crossing, step, plan.end() == End.HOLD ? Outcome.HOLD : Outcome.REJECT, plan.reason());
            }
            case RELEASE -> {
                crossings.release(officers.get(Agency.BORDER_GUARD), crossing, new GateActionRequest(null));
                released++;
            }
            case NONE -> {}
        }
    }

    /** What the day did through the services, for the log. */
    String summary() {
        return decisions + " step decisions, " + weighed + " weighings, " + charged + " fees, " + released
                + " releases";
    }

    private void decide(long crossing, Step step, Outcome outcome, String reason) {
        decisions++;
        crossings.decide(
                officers.get(step.agency()), crossing, step, new StepDecisionRequest(outcome, reason, null), null);
    }

    private void before(long crossing, Trip trip, Step step, boolean trouble) {
        if (step == Step.VEHICLE_CONTROL) {
            long gross = tare(trip.vehicleType())
                    + trip.goodsKg().longValue()
                    + random.nextInt(600)
                    - 300
                    + (trouble ? 6_000 : 0);
            weighed++;
            weighings.add(
                    officers.get(Agency.GATE_MANAGEMENT),
                    crossing,
                    new WeighingRequest(BigDecimal.valueOf(gross), SCALES[random.nextInt(SCALES.length)]));
        } else if (step == Step.FEE_COLLECTION) {
            Actor collector = officers.get(Agency.FEE_COLLECTION);
            long infrastructure = infrastructureFee(trip.vehicleType());
            fees.add(collector, crossing, fee(FeeKind.INFRASTRUCTURE, infrastructure, !trouble));
            if (!trouble && trip.applies(Step.PLANT_ANIMAL_QUARANTINE)) {
                fees.add(collector, crossing, fee(FeeKind.QUARANTINE_SERVICE, 250_000, true));
            }
        }
    }

    private FeeRequest fee(FeeKind kind, long amount, boolean paid) {
        charged++;
        String receipt = paid ? receiptPrefix + String.format("%05d", ++receipts) : null;
        return new FeeRequest(kind, BigDecimal.valueOf(amount), receipt);
    }

    private static long tare(VehicleType type) {
        return switch (type) {
            case CONTAINER_TRUCK -> 17_800;
            case TRACTOR_TRAILER -> 15_500;
            case REFRIGERATED_TRUCK -> 12_500;
            case TRUCK -> 9_500;
            case VAN, PASSENGER -> 2_800;
        };
    }

    /** Lang Son's fee for using the border-gate infrastructure, by vehicle. */
    private static long infrastructureFee(VehicleType type) {
        return switch (type) {
            case CONTAINER_TRUCK -> 2_200_000;
            case TRACTOR_TRAILER -> 2_000_000;
            case REFRIGERATED_TRUCK -> 1_700_000;
            case TRUCK -> 1_000_000;
            case VAN, PASSENGER -> 300_000;
        };
    }
}
