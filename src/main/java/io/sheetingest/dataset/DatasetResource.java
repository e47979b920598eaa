package io.sheetingest.dataset;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;
import io.sheetingest.security.Roles;
import io.sheetingest.problem.ProblemException;
import io.sheetingest.problem.ProblemType;
import io.sheetingest.problem.QueryParams;

/** Datasets loaded so far and their rows, read on the event loop with the reactive client. */
@Path("/api/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {

    private final DatasetRepository datasets;

    public DatasetResource(DatasetRepository datasets) {
        this.datasets = datasets;
    }

    /** Every dataset with its row count. */
    @GET
    @RolesAllowed(Roles.READ)
    @Operation(summary = "List datasets")
    public Uni<List<DatasetSummary>> list() {
        return datasets.list();
    }

    /** A dataset's table, columns and types, row count and source files. */
    @GET
    @RolesAllowed(Roles.READ)
    @Path("/{name}")
    @Operation(summary = "Describe a dataset")
    public Uni<DatasetDetail> get(@PathParam("name") String name) {
        String dataset = known(name);
        return datasets.find(dataset)
                .map(detail -> orNotFound(detail, name));
    }

    /**
     * A page of a dataset's rows in load order, each with its lineage ({@code _job_id}, {@code _source_row}).
     *
     * @param limit  rows per page, 1-1000, default 100
     * @param offset rows to skip, default 0
     */
    @GET
    @RolesAllowed(Roles.READ)
    @Path("/{name}/rows")
    @Operation(summary = "Page through a dataset's rows")
    public Uni<List<Map<String, Object>>> rows(@PathParam("name") String name,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        int pageSize = (int) QueryParams.whole("limit", limit, 100, 1, 1000);
        long skip = QueryParams.whole("offset", offset, 0, 0, Long.MAX_VALUE);
        String dataset = known(name);
        return datasets.rows(dataset, pageSize, skip)
                .map(page -> orNotFound(page, name));
    }

    private static String known(String name) {
        try {
            return Identifiers.datasetName(name);
        } catch (ProblemException e) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No dataset '" + name + "'");
        }
    }

    private static <T> T orNotFound(T value, String name) {
        if (value == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No dataset '" + name + "'");
        }
        return value;
    }
}
