package io.sheetingest.it;

import static io.sheetingest.Api.api;
import static io.sheetingest.it.Management.management;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The probes the Deployment uses answer on the management port, and only there. */
@QuarkusIntegrationTest
@WithTestResource(PackagedApp.class)
class HealthIT {

    @Test
    void reportsLiveOnManagementPort() {
        management().get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void reportsReadyWithDatabaseOnManagementPort() {
        management().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void reportsStartedOnManagementPort() {
        management().get("/q/health/started")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void keepsHealthOffTheApiPort() {
        api().get("/q/health/ready")
                .then()
                .statusCode(404);
    }
}
