package vn.bordergate.server.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.FeeDto;
import vn.bordergate.common.dto.FeeRequest;
import vn.bordergate.common.dto.GateActionRequest;
import vn.bordergate.common.dto.HoldReleaseRequest;
import vn.bordergate.common.dto.QueueSummaryDto;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.dto.WeighingDto;
import vn.bordergate.common.dto.WeighingRequest;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.server.service.CrossingQueries;
import vn.bordergate.server.service.CrossingService;
import vn.bordergate.server.service.FeeService;
import vn.bordergate.server.service.QueueWatch;
import vn.bordergate.server.service.WeighingService;

/** Crossings, their steps, weighings and fees. Which agency may decide which step is the service's rule, not this class's. */
@Path("/api/crossings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMINISTRATOR})
public final class CrossingResource {
    private final CrossingService crossings;
    private final CrossingQueries queries;
    private final QueueWatch queue;
    private final WeighingService weighings;
    private final FeeService fees;

    public CrossingResource(
            CrossingService crossings,
            CrossingQueries queries,
            QueueWatch queue,
            WeighingService weighings,
            FeeService fees) {
        this.crossings = crossings;
        this.queries = queries;
        this.queue = queue;
        this.weighings = weighings;
        this.fees = fees;
    }

    @GET
    public List<CrossingDto> list(
            @QueryParam("status") String status, @QueryParam("step") String step, @QueryParam("limit") String limit) {
        return queries.list(
                Requests.enumParam("status", CrossingStatus.class, status),
                Requests.enumParam("step", Step.class, step),
                Requests.limit(limit));
    }

    @GET
    @Path("/queue")
    public QueueSummaryDto queue() {
        return queue.summary();
    }

    @GET
    @Path("/{id}")
    public CrossingDto get(@PathParam("id") long id) {
        return crossings.get(id);
    }

    @POST
    @Path("/{id}/steps/{step}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    public CrossingDto decide(
            @PathParam("id") long id,
            @PathParam("step") String step,
            StepDecisionRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context SecurityContext security) {
        return crossings.decide(
                Requests.actor(security), id, Requests.requiredEnum("step", Step.class, step), request, idempotencyKey);
    }

    @POST
    @Path("/{id}/steps/{step}/release-hold")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    public CrossingDto releaseHold(
            @PathParam("id") long id,
            @PathParam("step") String step,
            HoldReleaseRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context SecurityContext security) {
        return crossings.releaseHold(
                Requests.actor(security), id, Requests.requiredEnum("step", Step.class, step), request, idempotencyKey);
    }

    @POST
    @Path("/{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    public CrossingDto release(@PathParam("id") long id, GateActionRequest request, @Context SecurityContext security) {
        return crossings.release(Requests.actor(security), id, request);
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    public CrossingDto recordReturn(
            @PathParam("id") long id, GateActionRequest request, @Context SecurityContext security) {
        return crossings.recordReturn(Requests.actor(security), id, request);
    }

    @GET
    @Path("/{id}/weighings")
    public List<WeighingDto> weighings(@PathParam("id") long id) {
        return weighings.list(id);
    }

    @POST
    @Path("/{id}/weighings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    public Response weigh(@PathParam("id") long id, WeighingRequest request, @Context SecurityContext security) {
        return Response.status(201)
                .entity(weighings.add(Requests.actor(security), id, request))
                .build();
    }

    @GET
    @Path("/{id}/fees")
    public List<FeeDto> fees(@PathParam("id") long id) {
        return fees.list(id);
    }

    @POST
    @Path("/{id}/fees")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    public Response charge(@PathParam("id") long id, FeeRequest request, @Context SecurityContext security) {
        return Response.status(201)
                .entity(fees.add(Requests.actor(security), id, request))
                .build();
    }
}
