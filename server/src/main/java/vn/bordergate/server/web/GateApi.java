package vn.bordergate.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.http.HttpFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import vn.bordergate.common.dto.CameraMetricsDto;
import vn.bordergate.common.dto.HealthDto;
import vn.bordergate.server.GateServices;
import vn.bordergate.server.backup.DatabaseBackups;
import vn.bordergate.server.dashboard.DashboardService;
import vn.bordergate.server.metrics.GateMetrics;
import vn.bordergate.server.publicstatus.PublicStatusService;
import vn.bordergate.server.reports.Reports;
import vn.bordergate.server.security.TokenService;
import vn.bordergate.server.service.AccountService;
import vn.bordergate.server.service.AuditLog;
import vn.bordergate.server.service.CrossingQueries;
import vn.bordergate.server.service.CrossingService;
import vn.bordergate.server.service.CrossingSlips;
import vn.bordergate.server.service.DeclarationService;
import vn.bordergate.server.service.EnterpriseService;
import vn.bordergate.server.service.FeeService;
import vn.bordergate.server.service.KioskService;
import vn.bordergate.server.service.PlateReadService;
import vn.bordergate.server.service.PriorityService;
import vn.bordergate.server.service.QueueWatch;
import vn.bordergate.server.service.ReferenceData;
import vn.bordergate.server.service.VehicleCalls;
import vn.bordergate.server.service.WeighingService;

/** The REST application: resources built with plain constructors, JSON, security and the one error mapper. */
public final class GateApi extends ResourceConfig {
    private final PlateReadPosts plateReadPosts;
    private final DeclarationPosts declarationPosts;

    /** What the web layer needs from the composition root. */
    public record Services(
            Supplier<HealthDto> health,
            TokenService tokens,
            AccountService accounts,
            EnterpriseService enterprises,
            DeclarationService declarations,
            CrossingService crossings,
            CrossingQueries crossingQueries,
            QueueWatch queue,
            WeighingService weighings,
            FeeService fees,
            PlateReadService plateReads,
            ReferenceData reference,
            AuditLog audit,
            Supplier<List<CameraMetricsDto>> cameraMetrics,
            CrossingSlips slips,
            VehicleCalls vehicleCalls,
            KioskService kiosk,
            PriorityService priorities,
            Reports reports,
            PublicStatusService publicStatus,
            DashboardService dashboard) {
        public static Services of(
                Supplier<HealthDto> health, GateServices s, Supplier<List<CameraMetricsDto>> cameraMetrics) {
            return new Services(
                    health,
                    s.tokens,
                    s.accounts,
                    s.enterprises,
                    s.declarations,
                    s.crossings,
                    s.crossingQueries,
                    s.queue,
                    s.weighings,
                    s.fees,
                    s.plateReads,
                    s.reference,
                    s.audit,
                    cameraMetrics,
                    s.slips,
                    s.vehicleCalls,
                    s.kiosk,
                    s.priorities,
                    s.reports,
                    s.publicStatus,
                    s.dashboard);
        }
    }

    public GateApi(Services s, ObjectMapper json, String version) {
        this(s, json, version, null, null);
    }

    /** With the gate host's operations endpoints: backups and metrics (null leaves one out). */
    public GateApi(Services s, ObjectMapper json, String version, DatabaseBackups backups, GateMetrics metrics) {
        List<Object> resources = new ArrayList<>(List.of(
                new HealthResource(s.health()),
                new AuthResource(s.accounts()),
                new WorkflowResource(),
                new UserResource(s.accounts()),
                new EnterpriseResource(s.enterprises()),
                new DeclarationResource(s.declarations()),
                new CrossingResource(s.crossings(), s.crossingQueries(), s.queue(), s.weighings(), s.fees()),
                new PlateReadResource(s.plateReads()),
                new GateReferenceResource(s.reference(), s.crossingQueries()),
                new AuditResource(s.audit()),
                new CameraResource(s.cameraMetrics()),
                new CrossingSlipResource(s.slips()),
                new LaneCallResource(s.vehicleCalls()),
                new KioskResource(s.kiosk()),
                new PriorityResource(s.priorities()),
                new ReportResource(s.reports()),
                new PublicStatusResource(s.publicStatus()),
                new PublicStatusPage(),
                new DashboardResource(s.dashboard(), s.cameraMetrics())));
        if (backups != null) {
            resources.add(new BackupResource(backups));
        }
        if (metrics != null) {
            resources.add(new MetricsResource(metrics));
        }
        resources.forEach(this::register);
        plateReadPosts = new PlateReadPosts(s.tokens(), s.plateReads(), json);
        declarationPosts = new DeclarationPosts(s.tokens(), s.declarations(), json);
        register(new PublicOpenApiResource().openApiConfiguration(openApi(resources, version)));
        register(JacksonFeature.withoutExceptionMappers());
        register(new JsonMapping(json));
        register(new AuthenticationFilter(s.tokens()));
        register(RolesAllowedDynamicFeature.class);
        register(new ApiExceptionMapper());
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        property(ServerProperties.BV_FEATURE_DISABLE, true);
        property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    }

    /**
     * The cameras' {@code POST /api/plate-reads} without Jersey, to be mapped in front of it (at that path) after the
     * size limit and header checks: what it does not take goes on to this application.
     */
    public HttpFilter plateReadPosts() {
        return plateReadPosts;
    }

    /** The enterprises' {@code POST /api/declarations} without Jersey, mapped as {@link #plateReadPosts()}. */
    public HttpFilter declarationPosts() {
        return declarationPosts;
    }

    private static SwaggerConfiguration openApi(List<Object> resources, String version) {
        Set<String> classes =
                resources.stream().map(r -> r.getClass().getName()).collect(Collectors.toUnmodifiableSet());
        OpenAPI api = new OpenAPI()
                .info(new Info()
                        .title("BorderGate gate server")
                        .version(version)
                        .description("Declarations, crossings and their eight steps, plate reads and the audit log"
                                + " of a digital road border gate. Errors answer an ApiError body."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
        return new SwaggerConfiguration()
                .openAPI(api)
                .resourceClasses(classes)
                .prettyPrint(true)
                .readAllResources(true);
    }
}
