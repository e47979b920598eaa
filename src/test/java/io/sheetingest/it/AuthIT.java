package io.sheetingest.it;

import static io.restassured.RestAssured.given;
import static io.sheetingest.Api.api;
import static io.sheetingest.it.Management.management;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Bearer tokens guard the API, not the management port. Runs once quarkus-oidc is part of the application;
 * until then the API is open and there is nothing to assert.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedApp.class)
@EnabledIf("oidcInstalled")
class AuthIT {

    static boolean oidcInstalled() {
        try {
            Class.forName("io.quarkus.oidc.OidcTenantConfig", false, AuthIT.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void refusesDatasetsWithoutToken() {
        given().get("/api/datasets")
                .then()
                .statusCode(401);
    }

    @Test
    void refusesUploadWithoutToken() {
        given().multiPart("dataset", "it_no_token")
                .multiPart("file", "orders.xlsx", new byte[] {0x50, 0x4b})
                .post("/api/ingestions")
                .then()
                .statusCode(401);
    }

    @Test
    void servesDatasetsWithToken() {
        api().get("/api/datasets")
                .then()
                .statusCode(200);
    }

    @Test
    void servesProbesAndMetricsWithoutToken() {
        management().get("/q/health/ready").then().statusCode(200);
        management().get("/q/metrics").then().statusCode(200);
    }
}
