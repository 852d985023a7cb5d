package io.switchboard.engine.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The engine's REST API under {@code /api}. */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Switchboard",
            version = "1",
            description =
                "Webhooks for channels and CRMs, and the admin API (bearer token"
                    + " switchboard.admin.token)."))
public class SwitchboardApi extends Application {}
