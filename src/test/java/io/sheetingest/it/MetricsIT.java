package io.sheetingest.it;

import static io.sheetingest.it.Management.management;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Prometheus scrapes the management port: executor, pool and HTTP figures are there in its text format. */
@QuarkusIntegrationTest
@WithTestResource(PackagedApp.class)
class MetricsIT {

    /** The format Quarkus answers with unless a client asks for the classic text one; Prometheus reads both. */
    private static final String OPENMETRICS = "application/openmetrics-text";

    @Test
    void exposesExecutorSizesFromProdFormula() {
        int cores = Runtime.getRuntime().availableProcessors();
        int cpu = Math.max(1, cores - 1);
        int io = Math.min(cores * 5, 20);

        management().get("/q/metrics")
                .then()
                .statusCode(200)
                .contentType(startsWith(OPENMETRICS))
                .body(containsString("executor_pool_max_threads{name=\"cpu\"} " + cpu + ".0"))
                .body(containsString("executor_pool_max_threads{name=\"io\"} " + io + ".0"));
    }

    @Test
    void exposesDatabasePoolFigures() {
        management().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("agroal_active_count{datasource=\"default\"}"));
    }
}
