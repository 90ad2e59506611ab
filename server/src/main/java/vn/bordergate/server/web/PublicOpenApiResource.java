package vn.bordergate.server.web;

import io.swagger.v3.jaxrs2.integration.resources.OpenApiResource;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Path;

/** The OpenAPI 3 document at {@code /openapi.json}, readable without a token. */
@Path("/openapi.{type:json|yaml}")
@PermitAll
public final class PublicOpenApiResource extends OpenApiResource {}
