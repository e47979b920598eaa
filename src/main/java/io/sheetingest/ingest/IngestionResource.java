package io.sheetingest.ingest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.smallrye.mutiny.Uni;
import io.sheetingest.dataset.Identifiers;
import io.sheetingest.problem.ProblemException;
import io.sheetingest.problem.ProblemType;
import io.sheetingest.problem.QueryParams;
import io.sheetingest.security.Roles;
import io.sheetingest.sheet.TextEncoding;

/** Uploads spreadsheets and follows, lists and cancels the jobs that ingest them. */
@Path("/api/ingestions")
@Produces(MediaType.APPLICATION_JSON)
public class IngestionResource {

    private final IngestionService ingestion;

    public IngestionResource(IngestionService ingestion) {
        this.ingestion = ingestion;
    }

    /**
     * Uploads a spreadsheet into a dataset. The file is stored and a job queued; the job's URL comes back in
     * {@code Location}. The same bytes for the same dataset again answer {@code 200} with the existing job.
     *
     * @param file    the spreadsheet
     * @param dataset the dataset (table) to load it into
     * @param sheet   the sheet to read by name; the first visible one when absent
     * @param headerRow the 1-based row holding the column names; found below any title rows when absent
     * @param encoding  CSV only: the character set of the text (e.g. windows-1252); detected when absent, and then
     *                  only UTF-8, UTF-16 with a byte-order mark and GB18030 are accepted
     * @param columnTypes types for some columns instead of inferring them, e.g. {@code zip:text, amount:numeric};
     *                  a column declared text keeps values as the file shows them (zero padding included)
     * @param replace replace the rows that earlier files of the same name brought into the dataset
     */
    @POST
    @RolesAllowed(Roles.INGEST)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a spreadsheet and queue its ingestion")
    @APIResponse(responseCode = "202", description = "Queued; follow Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Job.class)))
    @APIResponse(responseCode = "200", description = "These bytes already feed this dataset: the existing job")
    @APIResponse(responseCode = "400", description = "A missing or malformed form field")
    @APIResponse(responseCode = "409", description = "The same bytes already feed this dataset with other read "
            + "options; upload with replace=true to reload them")
    @APIResponse(responseCode = "413", description = "File too large")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role ingest")
    @APIResponse(responseCode = "415", description = "Not a supported spreadsheet")
    @APIResponse(responseCode = "422", description = "A damaged file")
    @APIResponse(responseCode = "503", description = "Executors saturated; retry after Retry-After")
    @APIResponse(responseCode = "507", description = "File store full")
    public Uni<Response> upload(@RestForm("file") List<FileUpload> files, @RestForm("dataset") String dataset,
            @RestForm("sheet") String sheet, @RestForm("headerRow") String headerRow,
            @RestForm("encoding") String encoding, @RestForm("columnTypes") String columnTypes,
            @QueryParam("replace") String replace) {
        if (files == null || files.isEmpty()) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The form field 'file' is required and must be a file "
                    + "upload (a part with a file name), not a plain text field");
        }
        if (files.size() > 1) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "The form holds " + files.size() + " files; upload "
                    + "one file per request, each becomes its own job");
        }
        FileUpload file = files.get(0);
        if (file.fileName() == null || file.fileName().isBlank()) {
            throw new ProblemException(ProblemType.BAD_REQUEST,
                    "The form field 'file' must be a file upload with a file name, not a plain text field");
        }
        IngestionService.Submission submission = new IngestionService.Submission(file.uploadedFile(), true,
                file.fileName(), dataset, sheet, headerRow(headerRow), TextEncoding.declared(encoding),
                ColumnTypes.parse(columnTypes), replace(replace), "upload");
        return ingestion.submit(submission)
                .map(submitted -> Response.status(submitted.created() ? 202 : 200)
                        .entity(submitted.job())
                        .location(URI.create("/api/ingestions/" + submitted.job().id()))
                        .build());
    }

    /** A job's status, progress, attempts and, when it failed, a problem document in {@code error}. */
    @GET
    @RolesAllowed(Roles.READ)
    @Path("/{id}")
    @Operation(summary = "Job status, progress, attempts and error")
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

    /**
     * Jobs, newest first. Pass the last id of a page as {@code after} to get the next one.
     *
     * @param status  only jobs in this status (queued, running, succeeded, failed, cancelled)
     * @param dataset only jobs for this dataset
     * @param limit   page size, 1-500, default 50
     * @param after   the last job id of the previous page
     */
    @GET
    @RolesAllowed(Roles.READ)
    @Operation(summary = "List jobs, newest first, keyset paginated")
    public Uni<JobPage> list(@QueryParam("status") String status, @QueryParam("dataset") String dataset,
            @QueryParam("limit") String limit, @QueryParam("after") String after) {
        JobStatus wanted = status == null || status.isBlank() ? null : status(status);
        String name = dataset == null || dataset.isBlank() ? null : Identifiers.datasetName(dataset);
        int size = (int) QueryParams.whole("limit", limit, 50, 1, 500);
        UUID cursor = QueryParams.uuid("after", after);
        return ingestion.list(wanted, name, size + 1, cursor)
                .map(jobs -> jobs.size() > size
                        ? new JobPage(jobs.subList(0, size), jobs.get(size - 1).id())
                        : new JobPage(jobs, null));
    }

    /**
     * Cancels a job. A queued job is cancelled at once ({@code 200}); a running one rolls back its transaction and
     * ends {@code cancelled} shortly after ({@code 202}); a finished one answers {@code 409}.
     */
    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.INGEST)
    @Operation(summary = "Cancel a queued or running job")
    public Uni<Response> cancel(@PathParam("id") String id) {
        return ingestion.cancel(parse(id))
                .map(job -> Response.status(job.status() == JobStatus.RUNNING ? 202 : 200)
                        .entity(job)
                        .build());
    }

    private static boolean replace(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new ProblemException(ProblemType.BAD_REQUEST, "replace '" + value + "' is not true or false");
    }

    private static Integer headerRow(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int row = Integer.parseInt(value.trim());
            if (row >= 1) {
                return row;
            }
        } catch (NumberFormatException e) {
            // answered below like any other value that is not a row number
        }
        throw new ProblemException(ProblemType.BAD_REQUEST, "headerRow '" + value
                + "' is not a row number: use 1 for the first row, or leave it out to detect the header");
    }

    private static JobStatus status(String value) {
        try {
            return JobStatus.of(value);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Unknown job status '" + value
                    + "': use queued, running, succeeded, failed or cancelled");
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No ingestion job " + id);
        }
    }

    /**
     * A page of jobs.
     *
     * @param items the jobs, newest first
     * @param next  pass as {@code after} for the next page; absent on the last page
     */
    public record JobPage(List<Job> items, UUID next) {
    }
}
