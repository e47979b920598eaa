package io.sheetingest.problem;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.sheetingest.executor.ExecutorSaturatedException;

/** Turns every failure that reaches REST into an RFC 9457 problem document. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem().withInstance(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response saturated(ExecutorSaturatedException e, UriInfo uri) {
        LOG.warnf("executor=%s saturated: answered 503 to %s", e.pool(), uri.getPath());
        Problem problem = Problem.of(ProblemType.SATURATED, e.getMessage()).withInstance(uri.getPath());
        return Response.fromResponse(respond(problem))
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, e.retryAfter().toSeconds()))
                .build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + " " + v.getMessage())
                .sorted()
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return respond(Problem.of(ProblemType.BAD_REQUEST, detail).withInstance(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 400 -> ProblemType.BAD_REQUEST;
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 413 -> ProblemType.FILE_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> null;
        };
        String detail = status == 415
                ? "This endpoint takes a different body: uploads are multipart/form-data with the fields file and "
                        + "dataset"
                : e.getMessage();
        Problem problem = type != null
                ? Problem.of(type, detail)
                : new Problem("about:blank", e.getResponse().getStatusInfo().getReasonPhrase(), status,
                        e.getMessage(), null, null, null, null, null);
        return respond(problem.withInstance(uri.getPath()));
    }

    /** Resource methods here throw no IOException: one reaching REST comes from reading a broken request body. */
    @ServerExceptionMapper
    public Response unreadableRequest(java.io.IOException e, UriInfo uri) {
        LOG.debugf("unreadable request body on %s: %s", uri.getPath(), e.getMessage());
        return respond(Problem.of(ProblemType.BAD_REQUEST, "The request body could not be read: " + e.getMessage())
                .withInstance(uri.getPath()));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "request failed unexpectedly: path=%s", uri.getPath());
        Problem problem = Problem.of(ProblemType.INTERNAL, "The request failed on our side; it has been logged")
                .withInstance(uri.getPath());
        return respond(problem);
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
