package io.sheetingest.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** The test profile follows the dev rule, 10 base + 10 overflow, on both live pools. */
@QuarkusTest
class LivePoolSizingTests {

    @Inject
    AgroalDataSource jdbc;

    @Inject
    Pool reactive;

    @Test
    void agroalPoolIsTenBasePlusTenOverflow() {
        AgroalConnectionPoolConfiguration pool = jdbc.getConfiguration().connectionPoolConfiguration();
        assertEquals(10, pool.minSize(), "min-size = base");
        assertEquals(10, pool.initialSize(), "initial-size = base");
        assertEquals(20, pool.maxSize(), "max-size = base + overflow");
    }

    @Test
    void reactivePoolHandsOutTwentyConnectionsAndNotOneMore() {
        assertReactiveMax(reactive, 20);
    }

    /** Holds {@code max} connections at once, then shows that one more has to wait. */
    static void assertReactiveMax(Pool pool, int max) {
        List<SqlConnection> held = new ArrayList<>();
        try {
            for (int i = 0; i < max; i++) {
                held.add(pool.getConnection().await().atMost(Duration.ofSeconds(10)));
            }
            assertEquals(max, held.size());
            assertThrows(TimeoutException.class, () -> held.add(pool.getConnection()
                    .await()
                    .atMost(Duration.ofMillis(700))), "connection " + (max + 1) + " must wait for a free one");
        } finally {
            held.forEach(c -> c.close().await().atMost(Duration.ofSeconds(5)));
        }
    }
}
