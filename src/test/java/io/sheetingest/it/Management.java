package io.sheetingest.it;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/**
 * Requests to the management interface of the packaged application: health and metrics, served without
 * authentication on their own port, as the Kubernetes probes and Prometheus reach them.
 */
final class Management {

    private Management() {
    }

    static RequestSpecification management() {
        return given().port(PackagedApp.managementPort());
    }
}
