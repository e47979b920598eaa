package io.sheetingest.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.sheetingest.TestSettings;

/**
 * Settings for the packaged application that the {@code *IT} classes start (the JVM jar here, the native
 * executable where one is built). Quarkus passes them to that process as system properties.
 *
 * <ul>
 *   <li>the management interface on a free port rather than 9000, since other builds share this machine; the
 *       API port comes from {@code quarkus.http.test-port=0};</li>
 *   <li>the file store under {@code target/}, the test database ({@code ${DB_NAME}_test});</li>
 *   <li>small database pools, because the prod formula would hold 20 connections open per run;</li>
 *   <li>the test profile's token verification key, so that the tests' signed tokens are accepted.</li>
 * </ul>
 */
public class PackagedApp implements QuarkusTestResourceLifecycleManager {

    private static volatile int managementPort;

    /** The port the application's management interface (health, metrics) listens on. */
    public static int managementPort() {
        if (managementPort == 0) {
            throw new IllegalStateException("PackagedApp has not started: annotate the test with "
                    + "@WithTestResource(PackagedApp.class)");
        }
        return managementPort;
    }

    @Override
    public Map<String, String> start() {
        managementPort = freePort();
        Map<String, String> settings = new java.util.HashMap<>(TestSettings.tokenVerification());
        settings.putAll(Map.of(
                "quarkus.management.port", String.valueOf(managementPort),
                "sheet-ingest.store.dir", "target/it-store",
                "DB_NAME", System.getenv().getOrDefault("DB_NAME", "sheet_ingest") + "_test",
                "sheet-ingest.db.pool-size", "2",
                "sheet-ingest.db.max-overflow", "4"));
        return settings;
    }

    @Override
    public void stop() {
        managementPort = 0;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the management interface", e);
        }
    }
}
