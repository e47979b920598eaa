package io.sheetingest.monitoring;

import java.io.IOException;
import java.nio.file.Files;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.sheetingest.ingest.FileStore;

/**
 * DOWN while the file-store volume has less usable space than {@code sheet-ingest.monitoring.store-min-free}: an
 * upload would fail halfway. Measured on each call (one statvfs), on the worker thread SmallRye Health uses.
 */
@Readiness
@ApplicationScoped
public class FileStoreReadinessCheck implements HealthCheck {

    private final FileStore store;
    private final long minFreeBytes;

    public FileStoreReadinessCheck(FileStore store, MonitoringConfig config) {
        this.store = store;
        this.minFreeBytes = config.storeMinFree().asLongValue();
    }

    @Override
    public HealthCheckResponse call() {
        try {
            long free = Files.getFileStore(store.root()).getUsableSpace();
            return HealthCheckResponse.named("file-store")
                    .status(free >= minFreeBytes)
                    .withData("path", store.root().toString())
                    .withData("free_bytes", free)
                    .withData("min_free_bytes", minFreeBytes)
                    .build();
        } catch (IOException e) {
            return HealthCheckResponse.named("file-store")
                    .down()
                    .withData("path", store.root().toString())
                    .withData("error", e.getMessage())
                    .build();
        }
    }
}
