package io.sheetingest.monitoring;

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
 * What an admin needs to see how the service and its host are doing. Every answer is read from memory, so these
 * endpoints run on the event loop without blocking it.
 */
@Path("/api/system")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@NonBlocking
public class SystemResource {

    private final ResourceSampler resources;
    private final ExecutorStatsReader executors;
    private final DbPoolStatsReader pools;

    public SystemResource(ResourceSampler resources, ExecutorStatsReader executors, DbPoolStatsReader pools) {
        this.resources = resources;
        this.executors = executors;
        this.pools = pools;
    }

    /**
     * Host CPU, memory and swap, JVM memory, this process's memory, CPU, threads and file descriptors, the
     * file-store volume and container limits, from the latest background sample ({@code sampledAt}).
     */
    @GET
    @Path("/resource-usage")
    @Operation(summary = "Host, JVM and process resources")
    @APIResponse(responseCode = "200", description = "The latest resource sample")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role admin")
    public ResourceUsage resourceUsage() {
        return resources.latest();
    }

    /** The cpu and io executors, Quarkus' worker pool and the event loops with their lag. */
    @GET
    @Path("/executor-stats")
    @Operation(summary = "Executor, worker-pool and event-loop figures")
    @APIResponse(responseCode = "200", description = "Live figures")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role admin")
    public ExecutorStats executorStats() {
        return executors.read();
    }

    /** The Agroal (JDBC) and the reactive pool: connections, waiters, waits and configured sizes. */
    @GET
    @Path("/db-pool-stats")
    @Operation(summary = "Database pool figures")
    @APIResponse(responseCode = "200", description = "Live figures")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role admin")
    public DbPoolStats dbPoolStats() {
        return pools.read();
    }
}
