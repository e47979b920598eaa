package io.sheetingest.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Queues every spreadsheet of the configured samples folder at start (dev profile: {@code samples/}), each into the
 * dataset named after its file stem. Loading the same bytes again finds the existing job, so restarts do not
 * duplicate rows.
 */
@ApplicationScoped
public class SampleLoader {

    private static final Logger LOG = Logger.getLogger(SampleLoader.class);

    void load(@Observes StartupEvent event, JobConfig config, IngestionService ingestion) {
        if (config.samplesDir().isEmpty()) {
            return;
        }
        Path dir = config.samplesDir().get();
        for (Path file : list(dir)) {
            String stem = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            String dataset = stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
            IngestionService.Submission sample = new IngestionService.Submission(file, false,
                    file.getFileName().toString(), dataset, false, "sample:" + file);
            ingestion.submit(sample)
                    .subscribe()
                    .with(done -> LOG.infof("sample file=%s job=%s dataset=%s %s", file, done.job().id(), dataset,
                            done.created() ? "queued" : "already loaded"),
                            e -> LOG.warnf("sample file=%s not queued: %s", file, e.getMessage()));
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.warnf("samples folder %s does not exist; nothing loaded", dir.toAbsolutePath());
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            LOG.warnf("samples folder %s cannot be listed: %s", dir, e.getMessage());
            return List.of();
        }
    }
}
