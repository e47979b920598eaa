package io.sheetingest.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.sheetingest.TestSettings;
import io.vertx.mutiny.sqlclient.Pool;

/** In the prod profile DB_POOL_SIZE and DB_MAX_OVERFLOW replace the computed sizes of both live pools. */
@QuarkusTest
@TestProfile(ProdPoolSizingTests.ProdWithOverrides.class)
class ProdPoolSizingTests {

    @Inject
    AgroalDataSource jdbc;

    @Inject
    Pool reactive;

    @ConfigProperty(name = "sheet-ingest.db.pool-source")
    String source;

    @Test
    void overridesSizeTheAgroalPool() {
        AgroalConnectionPoolConfiguration pool = jdbc.getConfiguration().connectionPoolConfiguration();
        assertEquals(4, pool.minSize());
        assertEquals(4, pool.initialSize());
        assertEquals(7, pool.maxSize());
        assertEquals("override", source);
    }

    @Test
    void overridesSizeTheReactivePool() {
        LivePoolSizingTests.assertReactiveMax(reactive, 7);
    }

    /** The prod profile against the test database and token key, with both overrides set. */
    public static class ProdWithOverrides implements QuarkusTestProfile {

        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            String db = System.getenv().getOrDefault("DB_NAME", "sheet_ingest") + "_test";
            String host = System.getenv().getOrDefault("DB_HOST", "localhost") + ":"
                    + System.getenv().getOrDefault("DB_PORT", "5432");
            Map<String, String> settings = new java.util.HashMap<>(TestSettings.tokenVerification());
            settings.putAll(Map.of(
                    "DB_POOL_SIZE", "4",
                    "DB_MAX_OVERFLOW", "3",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + "/" + db,
                    "quarkus.datasource.reactive.url", "postgresql://" + host + "/" + db,
                    "sheet-ingest.store.dir", "target/test-store",
                    "quarkus.http.test-port", "0"));
            return settings;
        }
    }
}
