package vn.bordergate.common.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Something the gate server pushes to every subscribed workstation. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PlateReadEvent.class, name = "PLATE_READ"),
    @JsonSubTypes.Type(value = CrossingChangedEvent.class, name = "CROSSING_CHANGED"),
    @JsonSubTypes.Type(value = StepConfirmedEvent.class, name = "STEP_CONFIRMED"),
    @JsonSubTypes.Type(value = QueueChangedEvent.class, name = "QUEUE_CHANGED"),
    @JsonSubTypes.Type(value = CameraStatusEvent.class, name = "CAMERA_STATUS"),
    @JsonSubTypes.Type(value = OverstayAlertEvent.class, name = "OVERSTAY_ALERT"),
    @JsonSubTypes.Type(value = VehicleCalledEvent.class, name = "VEHICLE_CALLED")
})
public sealed interface GateEvent
        permits PlateReadEvent,
                CrossingChangedEvent,
                StepConfirmedEvent,
                QueueChangedEvent,
                CameraStatusEvent,
                OverstayAlertEvent,
                VehicleCalledEvent {}
