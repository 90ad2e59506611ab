package vn.bordergate.common.dto;

import java.util.List;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Step;

/** One step of the crossing process definition. */
public record WorkflowStepDto(Step step, int number, String title, Agency agency, List<Step> prerequisites) {}
