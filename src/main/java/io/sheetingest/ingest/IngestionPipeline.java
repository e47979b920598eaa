package io.sheetingest.ingest;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.sheetingest.bench.ParsePlacement;
import io.sheetingest.executor.WorkerPools;
import io.sheetingest.sheet.ReadOptions;
import io.sheetingest.sheet.SheetReaders;
import io.sheetingest.sheet.TableReader;
import io.sheetingest.monitoring.AcquisitionTimeouts;

/**
 * Runs one claimed job: the sheet is parsed on the CPU executor while its rows are copied into PostgreSQL on the
 * I/O executor, the two joined by a bounded {@link BatchChannel}.
 */
@ApplicationScoped
public class IngestionPipeline {

    private final WorkerPools pools;
    private final ParsePlacement parsing;
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final FileStore store;
    private final JobConfig config;
    private final SheetReaders readers;
    private final AcquisitionTimeouts timeouts;
    private final Timer parseDuration;
    private final Timer writeDuration;

    public IngestionPipeline(WorkerPools pools, AgroalDataSource dataSource, ObjectMapper json, FileStore store,
            JobConfig config, SheetReaders readers, AcquisitionTimeouts timeouts, MeterRegistry registry,
            ParsePlacement parsing) {
        this.pools = pools;
        this.parsing = parsing;
        this.dataSource = dataSource;
        this.json = json;
        this.store = store;
        this.config = config;
        this.readers = readers;
        this.timeouts = timeouts;
        this.parseDuration = Timer.builder("sheet_ingest.parse.duration")
                .description("Time a job spends parsing its file on the CPU executor, waits for the writer included")
                .publishPercentileHistogram()
                .register(registry);
        this.writeDuration = Timer.builder("sheet_ingest.write.duration")
                .description("Time a job spends copying rows into PostgreSQL on the I/O executor, commit included")
                .publishPercentileHistogram()
                .register(registry);
    }

    /**
     * Ingests the job's file; completes once its rows and its {@code succeeded} mark are committed.
     *
     * @return the number of rows written
     */
    public Uni<Long> run(Job job, String owner, JobProgress progress) {
        BatchChannel channel = new BatchChannel(config.bufferBatches());
        FileStore.StoredFile file = new FileStore.StoredFile(store.path(job.sha256()), job.sha256(), job.sizeBytes());

        Uni<Long> write = pools.onIo(() -> writeDuration.record(() -> write(job, owner, file, channel, progress)))
                .onFailure()
                .invoke(channel::writerFailed);
        Uni<Void> parse = parsing.parse(() -> parseDuration.record(() -> parse(job, file, channel, progress)))
                .onFailure()
                .invoke(channel::fail)
                .onFailure()
                .recoverWithNull();

        return Uni.combine()
                .all()
                .unis(write, parse)
                .asTuple()
                .map(done -> done.getItem1());
    }

    private Void parse(Job job, FileStore.StoredFile file, BatchChannel channel, JobProgress progress) {
        long started = System.nanoTime();
        RowBatcher batcher = new RowBatcher(job.id(), config.batchRows(), channel, progress,
                ColumnTypes.resolve(job.columnTypes()));
        String sheet = reader(job).read(file.path(), readOptions(job), batcher);
        batcher.finish();
        progress.parsed(System.nanoTime() - started);
        channel.end(sheet, batcher.sheets());
        return null;
    }

    private TableReader reader(Job job) {
        return switch (SpreadsheetFormat.of(job.format())) {
            case XLSX -> readers.xlsx();
            case XLSB -> readers.xlsb();
            case XLS -> readers.xls();
            case CSV -> readers.csv();
        };
    }

    private static ReadOptions readOptions(Job job) {
        return new ReadOptions(job.sheet(), job.headerRow(), job.encoding());
    }

    private long write(Job job, String owner, FileStore.StoredFile file, BatchChannel channel, JobProgress progress) {
        try (CopyWriter writer = new CopyWriter(dataSource, json, job.dataset())) {
            while (true) {
                Object message = channel.receive();
                progress.checkNotCancelled();
                if (message instanceof Batch batch) {
                    long started = System.nanoTime();
                    writer.write(batch);
                    progress.written(batch.rows(), System.nanoTime() - started);
                } else if (message instanceof BatchChannel.End end) {
                    writer.commit(job, owner, file, end, progress);
                    return writer.rowsWritten();
                } else if (message instanceof BatchChannel.Failed failed) {
                    throw failed.cause() instanceof RuntimeException e ? e : new IllegalStateException(failed.cause());
                }
            }
        } catch (SQLException e) {
            timeouts.record(e);
            throw new JobWriteException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobCancelledException();
        }
    }
}
