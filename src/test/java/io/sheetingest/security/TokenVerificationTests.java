package io.sheetingest.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.sheetingest.Api;

/** Tokens go through quarkus-oidc's real verification: only well-formed, current, signed tokens for us pass. */
@QuarkusTest
class TokenVerificationTests {

    private static final Set<String> READER = Set.of(Roles.READ);
    private static final long HOUR = 3600;

    @Test
    void acceptsSignedTokenWithReadRole() {
        Api.as(Roles.READ)
                .get("/api/datasets")
                .then()
                .statusCode(200);
    }

    @Test
    void answersMissingTokenWith401Problem() {
        refused(Api.anonymous().get("/api/datasets").then())
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("detail", equalTo("This endpoint needs a bearer token"));
    }

    @Test
    void answersTokenWithoutRequiredRoleWith403Problem() {
        Api.as(Roles.INGEST)
                .get("/api/datasets")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sheet-ingest:problem:forbidden"))
                .body("status", equalTo(403))
                .body("instance", equalTo("/api/datasets"));
    }

    @Test
    void refusesUploadWithoutIngestRole() {
        Api.as(Roles.READ, Roles.ADMIN)
                .multiPart("dataset", "refused_upload")
                .multiPart("file", "a.xlsx", new byte[] {1, 2, 3})
                .post("/api/ingestions")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:sheet-ingest:problem:forbidden"));
    }

    @Test
    void refusesExpiredToken() {
        long now = now();
        rejected(TestTokens.claims(READER).issuedAt(now - 2 * HOUR).expiresAt(now - HOUR));
    }

    @Test
    void refusesTokenNotYetValid() {
        long now = now();
        rejected(TestTokens.claims(READER).claim("nbf", now + HOUR).expiresAt(now + 2 * HOUR));
    }

    @Test
    void refusesTokenFromAnotherIssuer() {
        rejected(TestTokens.claims(READER).issuer("urn:someone-else"));
    }

    @Test
    void refusesTokenForAnotherAudience() {
        rejected(TestTokens.claims(READER).audience("another-service"));
    }

    @Test
    void refusesUnsignedToken() {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = TestTokens.withRoles(Roles.READ).split("\\.")[1];
        String token = header + "." + claims + ".";
        invalidToken(Api.bearer(token).get("/api/datasets").then());
    }

    @Test
    void refusesTokenSignedWithAnotherKey() {
        String token = TestTokens.claims(READER)
                .jws()
                .keyId("test")
                .sign(TestTokens.privateKey("security/other-signing-key.pem"));
        invalidToken(Api.bearer(token).get("/api/datasets").then());
    }

    @Test
    void refusesTokenWithTamperedClaims() {
        String[] parts = TestTokens.withRoles(Roles.READ).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = base64Url(claims.replace("\"read\"", "\"read\",\"admin\""));
        invalidToken(Api.bearer(parts[0] + "." + forged + "." + parts[2]).get("/api/system/resource-usage").then());
    }

    @Test
    void refusesGarbageToken() {
        invalidToken(Api.bearer("not-a-jwt").get("/api/datasets").then());
    }

    private static void rejected(io.smallrye.jwt.build.JwtClaimsBuilder claims) {
        invalidToken(Api.bearer(TestTokens.sign(claims)).get("/api/datasets").then());
    }

    private static void invalidToken(ValidatableResponse response) {
        refused(response)
                .header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""));
    }

    private static ValidatableResponse refused(ValidatableResponse response) {
        return response.statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sheet-ingest:problem:unauthorized"))
                .body("status", equalTo(401))
                .body("title", equalTo("Authentication required"));
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
