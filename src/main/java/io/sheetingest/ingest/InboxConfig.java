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

    /**
     * The character set of every CSV file in the inbox, for feeds from systems that write a legacy encoding such as
     * windows-1252; workbooks are not affected. Unset (the default): detected as for uploads without
     * {@code encoding}. Env {@code INBOX_CSV_ENCODING}.
     */
    Optional<String> csvEncoding();
}
