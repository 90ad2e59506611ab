package vn.bordergate.common.workflow;

import java.util.EnumSet;
import java.util.Set;

/**
 * The eight steps of the Lang Son digital border gate, each owned by one agency. A step may start
 * once its prerequisites are done (passed or skipped); steps 4 to 7 run in parallel after vehicle
 * control, because different agencies do them at the same time.
 */
public enum Step {
    DECLARATION(1, Agency.CUSTOMS, "Online declaration"),
    TRANSPORT(2, Agency.GATE_MANAGEMENT, "Transport to the gate"),
    VEHICLE_CONTROL(3, Agency.GATE_MANAGEMENT, "Vehicle control at the yard entry"),
    MEDICAL_QUARANTINE(4, Agency.MEDICAL_QUARANTINE, "Medical quarantine of the driver"),
    BORDER_CONTROL(5, Agency.BORDER_GUARD, "Border-guard control of vehicle and driver"),
    PLANT_ANIMAL_QUARANTINE(6, Agency.PLANT_ANIMAL_QUARANTINE, "Plant and animal quarantine of the goods"),
    TRANSSHIPMENT(7, Agency.CUSTOMS, "Goods transshipment or handover at the border"),
    FEE_COLLECTION(8, Agency.FEE_COLLECTION, "Fee collection");

    private final int number;
    private final Agency agency;
    private final String title;

    Step(int number, Agency agency, String title) {
        this.number = number;
        this.agency = agency;
        this.title = title;
    }

    public int number() {
        return number;
    }

    public Agency agency() {
        return agency;
    }

    public String title() {
        return title;
    }

    public Set<Step> prerequisites() {
        return switch (this) {
            case DECLARATION -> EnumSet.noneOf(Step.class);
            case TRANSPORT -> EnumSet.of(DECLARATION);
            case VEHICLE_CONTROL -> EnumSet.of(TRANSPORT);
            case MEDICAL_QUARANTINE, BORDER_CONTROL, PLANT_ANIMAL_QUARANTINE, TRANSSHIPMENT, FEE_COLLECTION -> EnumSet
                    .of(VEHICLE_CONTROL);
        };
    }
}
