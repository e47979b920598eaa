package io.sheetingest.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.sheetingest.problem.Problem;
import io.sheetingest.problem.ProblemType;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Refuses an upload whose declared size is above {@code sheet-ingest.store.max-file-size} before a byte of it is
 * read, with a 413 problem document. Vert.x's own body limit stays as the backstop for uploads that do not declare
 * their size (chunked), which it answers with a bare 413.
 */
@ApplicationScoped
public class UploadSizeLimit {

    void install(@Observes Router router, StoreConfig config) {
        long max = config.maxFileSize().asLongValue();
        router.post("/api/ingestions")
                .order(Integer.MIN_VALUE)
                .handler(context -> {
                    String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
                    if (declared != null && parse(declared) > max) {
                        Problem problem = Problem.of(ProblemType.FILE_TOO_LARGE, "The upload is " + declared
                                + " bytes; the largest accepted file is " + max + " bytes (MAX_FILE_SIZE)")
                                .withInstance(context.request().path());
                        context.response()
                                .setStatusCode(413)
                                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                                .putHeader(HttpHeaders.CONNECTION, "close")
                                .end(JsonObject.mapFrom(problem).encode());
                        return;
                    }
                    context.next();
                });
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
