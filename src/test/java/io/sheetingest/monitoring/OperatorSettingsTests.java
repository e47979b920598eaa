package io.sheetingest.monitoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.sheetingest.Api;
import io.sheetingest.security.Roles;
import io.sheetingest.security.TestTokens;

/**
 * Settings an operator changes per environment: Keycloak's role claim path, and a file-store free-space limit this
 * machine cannot meet. Both in one profile so that the application restarts once for them.
 */
@QuarkusTest
@TestProfile(OperatorSettingsTests.KeycloakRolesAndFullDisk.class)
class OperatorSettingsTests {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @Test
    void readsRolesFromTheConfiguredClaimPath() {
        String keycloakAdmin = TestTokens.sign(TestTokens.claims(Set.of())
                .claim("realm_access", Map.of("roles", List.of(Roles.ADMIN))));

        Api.bearer(keycloakAdmin)
                .get("/api/system/executor-stats")
                .then()
                .statusCode(200);
    }

    @Test
    void ignoresRolesOutsideTheConfiguredClaimPath() {
        Api.as(Roles.ADMIN)
                .get("/api/system/executor-stats")
                .then()
                .statusCode(403);
    }

    @Test
    void turnsUnreadyButStaysAliveWhenTheFileStoreIsShortOfSpace() {
        given().get(ready)
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'file-store' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'executors-accepting' }.status", equalTo("UP"));
        given().get(live)
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    /** Keycloak realm roles, and a free-space limit of a petabyte. */
    public static class KeycloakRolesAndFullDisk implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "sheet-ingest.security.role-claim-path", "realm_access/roles",
                    "sheet-ingest.monitoring.store-min-free", "1048576G");
        }
    }
}
