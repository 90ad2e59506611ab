package vn.bordergate.server.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import vn.bordergate.common.dto.WorkflowStepDto;
import vn.bordergate.common.workflow.Step;

/** The crossing process definition, so clients draw the checklist from the server's own rules. */
@Path("/api/workflow")
@Produces(MediaType.APPLICATION_JSON)
public final class WorkflowResource {
    @GET
    public List<WorkflowStepDto> steps() {
        return Arrays.stream(Step.values())
                .map(s -> new WorkflowStepDto(s, s.number(), s.title(), s.agency(), List.copyOf(s.prerequisites())))
                .toList();
    }
}
