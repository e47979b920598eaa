package io.sheetingest.security;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.sheetingest.problem.Problem;
import io.sheetingest.problem.ProblemMappers;
import io.sheetingest.problem.ProblemType;

/**
 * Answers authentication and authorization failures as problem documents. Authentication is lazy
 * ({@code quarkus.http.auth.proactive=false}) so that these failures reach REST instead of the HTTP layer.
 */
public class AuthProblemMappers {

    private static final Logger LOG = Logger.getLogger(AuthProblemMappers.class);

    /** A token was sent but is not acceptable; why stays in the log so as not to coach an attacker. */
    @ServerExceptionMapper
    public Response rejected(AuthenticationFailedException e, UriInfo uri) {
        LOG.debugf("token refused: path=%s reason=%s", uri.getPath(), e.getMessage());
        return challenge(uri, "Bearer error=\"invalid_token\"",
                "The bearer token is invalid, expired, not yet valid or not meant for this service");
    }

    /** No token at all. */
    @ServerExceptionMapper
    public Response missing(UnauthorizedException e, UriInfo uri) {
        return challenge(uri, "Bearer", "This endpoint needs a bearer token");
    }

    /** A valid token without the role the endpoint needs. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        Problem problem = Problem.of(ProblemType.FORBIDDEN, "The token does not carry a role this endpoint allows")
                .withInstance(uri.getPath());
        return ProblemMappers.respond(problem);
    }

    private static Response challenge(UriInfo uri, String challenge, String detail) {
        Problem problem = Problem.of(ProblemType.UNAUTHORIZED, detail).withInstance(uri.getPath());
        return Response.fromResponse(ProblemMappers.respond(problem))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }
}
