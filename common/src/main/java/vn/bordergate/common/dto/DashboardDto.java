package vn.bordergate.common.dto;

import java.time.Instant;
import java.util.List;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Step;

/**
 * What a supervisor's wall screen shows, in one answer so it can be asked for every second: congestion by the
 * gate's thresholds, yards against capacity, arrivals and releases per hour, the backlog per step, open
 * overstay alerts and the lane cameras.
 *
 * @param vehiclesWaiting vehicles at the gate and not yet released (in progress, held, ready to release)
 * @param throughput one entry per hour, oldest first, the last one being the hour now running
 * @param backlog one entry per step (in workflow order) with its agency, crossings at the gate waiting on it
 * @param overstays vehicles past their return deadline, longest overdue first
 */
public record DashboardDto(
        String gate,
        String gateNameVi,
        String gateNameEn,
        CongestionLevel congestion,
        long vehiclesWaiting,
        CongestionThresholds thresholds,
        List<YardWaitingDto> yards,
        List<HourCount> throughput,
        List<StepBacklog> backlog,
        List<OverstayAlertDto> overstays,
        List<CameraMetricsDto> cameras,
        Instant updatedAt) {

    /** Vehicles that arrived at and were released from the gate in the hour beginning at {@code hour}. */
    public record HourCount(Instant hour, long arrived, long released) {}

    /** Crossings at the gate whose {@code step} is still pending or held by {@code agency}. */
    public record StepBacklog(Step step, Agency agency, long pending, long held) {
        public long total() {
            return pending + held;
        }
    }
}
