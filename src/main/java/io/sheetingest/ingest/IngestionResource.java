package io.sheetingest.ingest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.smallrye.mutiny.Uni;
import io.sheetingest.security.Roles;
import io.sheetingest.problem.ProblemException;
import io.sheetingest.problem.ProblemType;

/** Uploads spreadsheets and follows the jobs that ingest them. */
@Path("/api/ingestions")
@Produces(MediaType.APPLICATION_JSON)
public class IngestionResource {

    private final IngestionService ingestion;

    public IngestionResource(IngestionService ingestion) {
        this.ingestion = ingestion;
    }

    /**
     * Uploads a spreadsheet into a dataset. The file is stored and a job queued; the job's URL comes back in
     * {@code Location}.
     *
     * @param file    the spreadsheet (xlsx)
     * @param dataset the dataset (table) to load it into
     * @param sheet   the sheet to read; the first one when absent
     */
    @POST
    @RolesAllowed(Roles.INGEST)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a spreadsheet and queue its ingestion")
    @APIResponse(responseCode = "202", description = "Queued; follow Location")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role ingest")
    @APIResponse(responseCode = "415", description = "Not a supported spreadsheet")
    @APIResponse(responseCode = "422", description = "A damaged file")
    @APIResponse(responseCode = "503", description = "Executors saturated; retry after Retry-After")
    public Uni<Response> upload(@RestForm("file") FileUpload file, @RestForm("dataset") String dataset,
            @RestForm("sheet") String sheet) {
        if (file == null) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The form field 'file' is required");
        }
        return ingestion.submit(file.uploadedFile(), true, file.fileName(), dataset, sheet)
                .map(job -> Response.accepted(job)
                        .location(URI.create("/api/ingestions/" + job.id()))
                        .build());
    }

    /** A job's status and progress; {@code error} is a problem document when it failed. */
    @GET
    @RolesAllowed(Roles.READ)
    @Path("/{id}")
    @Operation(summary = "Job status, progress and error")
    public Uni<Job> get(@PathParam("id") String id) {
        UUID jobId = parse(id);
        return ingestion.find(jobId)
                .map(job -> {
                    if (job == null) {
                        throw new ProblemException(ProblemType.NOT_FOUND, "No ingestion job " + id);
                    }
                    return job;
                });
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No ingestion job " + id);
        }
    }
}
