package io.sheetingest.ingest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;
import io.sheetingest.problem.ProblemException;
import io.sheetingest.problem.ProblemType;
import io.sheetingest.security.Roles;

/** Syncs the inbox folder now instead of at the next scheduled scan. */
@Path("/api/sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    private final InboxScanner scanner;
    private final InboxConfig config;

    public SyncResource(InboxScanner scanner, InboxConfig config) {
        this.scanner = scanner;
        this.config = config;
    }

    /** Scans the inbox once: queues files that are complete, moves files whose jobs finished. */
    @POST
    @RolesAllowed(Roles.INGEST)
    @Operation(summary = "Scan the inbox folder now")
    public Uni<InboxScanner.SyncReport> sync() {
        if (config.dir().isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "No inbox folder is configured: set sheet-ingest.inbox.dir (INBOX_DIR)");
        }
        return scanner.sync();
    }
}
