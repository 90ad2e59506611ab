package vn.bordergate.server.documents.slip;

/**
 * One step's stamp: which agency decided what, who and when (blank officer and time while pending).
 *
 * @param state the {@code StepState} name, which the template colours by
 */
public record SlipStamp(
        int number,
        String stepVi,
        String stepEn,
        String agencyVi,
        String agencyEn,
        String state,
        String stateVi,
        String stateEn,
        String officer,
        String station,
        String decidedAt,
        String reason) {}
