package io.sheetingest.monitoring;

import java.sql.SQLException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Counts JDBC connection requests that gave up waiting. Agroal reports waits but not timeouts, so the code that
 * asks for connections reports each failure here. Created at start so that the counter is scraped as 0 before the
 * first failure.
 */
@Startup
@ApplicationScoped
public class AcquisitionTimeouts {

    private final Counter counter;

    public AcquisitionTimeouts(MeterRegistry registry) {
        this.counter = Counter.builder("sheet_ingest.db.acquisition.timeouts")
                .description("JDBC connection requests that timed out waiting for the Agroal pool")
                .register(registry);
    }

    /** Counts the failure when it is Agroal's acquisition timeout; any other failure is left alone. */
    public void record(SQLException failure) {
        String message = failure.getMessage();
        if (message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
            counter.increment();
        }
    }

    public long count() {
        return (long) counter.count();
    }
}
