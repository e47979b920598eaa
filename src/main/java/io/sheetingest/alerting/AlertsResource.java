package io.sheetingest.alerting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.sheetingest.security.Roles;
import io.smallrye.common.annotation.NonBlocking;

/**
 * The resource monitor's rules: each one's latest value, thresholds and state, and the latest transitions. Read
 * from memory, on the event loop.
 */
@Path("/api/system/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@NonBlocking
public class AlertsResource {

    private final AlertMonitor monitor;

    public AlertsResource(AlertMonitor monitor) {
        this.monitor = monitor;
    }

    /** Every rule with its levels (ok, pending or firing, since when), and the last transitions, newest first. */
    @GET
    @Operation(summary = "Resource alerts: rules, states and recent transitions")
    @APIResponse(responseCode = "200", description = "Current state")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role admin")
    public AlertsView alerts() {
        return monitor.view();
    }
}
