package io.sheetingest.monitoring;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * UP once Flyway has no pending migration. It reads the schema history over JDBC; SmallRye Health runs
 * blocking checks on a worker thread, and once UP the answer is kept because migrations never un-apply.
 */
@Startup
@ApplicationScoped
public class MigrationsStartupCheck implements HealthCheck {

    private final Flyway flyway;
    private volatile HealthCheckResponse applied;

    public MigrationsStartupCheck(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse known = applied;
        if (known != null) {
            return known;
        }
        MigrationInfoService info = flyway.info();
        MigrationInfo current = info.current();
        int pending = info.pending().length;
        HealthCheckResponse response = HealthCheckResponse.named("migrations")
                .status(pending == 0)
                .withData("schema_version", current == null ? "none" : current.getVersion().getVersion())
                .withData("applied", info.applied().length)
                .withData("pending", pending)
                .build();
        if (pending == 0) {
            applied = response;
        }
        return response;
    }
}
