package io.sheetingest.ingest;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The inbox folder that is synced into datasets. */
@ConfigMapping(prefix = "sheet-ingest.inbox")
public interface InboxConfig {

    /** The folder to scan. Unset (the default): no inbox, the schedule does nothing. Env {@code INBOX_DIR}. */
    Optional<Path> dir();

    /** How often the inbox is scanned. Default 30 s. Env {@code INBOX_INTERVAL}. */
    @WithDefault("30s")
    String interval();
}
