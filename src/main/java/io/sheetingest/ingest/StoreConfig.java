package io.sheetingest.ingest;

import java.nio.file.Path;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where uploaded files are kept and how large they may be. */
@ConfigMapping(prefix = "sheet-ingest.store")
public interface StoreConfig {

    /** Directory of the file store; uploads land in its {@code incoming/} sub-folder first. Env {@code STORE_DIR}. */
    @WithDefault("data/store")
    Path dir();

    /** Largest accepted upload. Env {@code MAX_FILE_SIZE}, default 512M. */
    @WithDefault("512M")
    MemorySize maxFileSize();

    /**
     * Free space the store's volume keeps; uploads that would eat into it get 507, and readiness reports DOWN below
     * it. Env {@code STORE_MIN_FREE}, default 1G.
     */
    @WithDefault("1G")
    MemorySize minFree();
}
