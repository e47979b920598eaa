package io.sheetingest.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;

/** Reads datasets and their rows with the reactive client, on the event loop. */
@ApplicationScoped
public class DatasetRepository {

    private final Pool pool;

    public DatasetRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<DatasetSummary>> list() {
        return pool.query("SELECT name, row_count, jsonb_array_length(columns) AS width, created_at, updated_at "
                        + "FROM ingest.datasets ORDER BY name")
                .execute()
                .map(rows -> {
                    List<DatasetSummary> out = new ArrayList<>();
                    rows.forEach(row -> out.add(new DatasetSummary(row.getString("name"), row.getLong("row_count"),
                            row.getInteger("width"), row.getOffsetDateTime("created_at"),
                            row.getOffsetDateTime("updated_at"))));
                    return out;
                });
    }

    /** The dataset with its columns and source files, or null when there is none by that name. */
    public Uni<DatasetDetail> find(String name) {
        Uni<Row> dataset = pool.preparedQuery("SELECT name, table_name, columns, row_count, created_at, updated_at "
                        + "FROM ingest.datasets WHERE name = $1")
                .execute(Tuple.of(name))
                .map(rows -> rows.rowCount() == 0 ? null : rows.iterator().next());
        return dataset.chain(row -> row == null ? Uni.createFrom().nullItem() : withFiles(row));
    }

    /**
     * A page of rows in load order. The table name comes from {@code ingest.datasets}, never from the request.
     *
     * @return null when the dataset does not exist
     */
    public Uni<List<Map<String, Object>>> rows(String name, int limit, long offset) {
        return pool.preparedQuery("SELECT table_name FROM ingest.datasets WHERE name = $1")
                .execute(Tuple.of(name))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    String table = Identifiers.table(rows.iterator().next().getString("table_name"));
                    // A simple query, not a prepared one: a dataset's table gains and widens columns, and a
                    // statement prepared on a pooled connection before that fails with "cached plan must not
                    // change result type". Limit and offset are validated numbers, the table a quoted identifier.
                    return pool.query("SELECT t.* FROM " + table + " t JOIN ingest.files f "
                                    + "ON f.job_id = t.\"_job_id\" ORDER BY f.loaded_at, t.\"_job_id\", "
                                    + "t.\"_source_row\" LIMIT " + limit + " OFFSET " + offset)
                            .execute()
                            .map(page -> {
                                List<Map<String, Object>> out = new ArrayList<>(page.rowCount());
                                page.forEach(row -> out.add(toMap(row)));
                                return out;
                            });
                });
    }

    private Uni<DatasetDetail> withFiles(Row dataset) {
        return pool.preparedQuery("SELECT job_id, file_name, sha256, size_bytes, row_count, loaded_at "
                        + "FROM ingest.files WHERE dataset = $1 ORDER BY loaded_at")
                .execute(Tuple.of(dataset.getString("name")))
                .map(files -> {
                    List<DatasetDetail.SourceFile> sources = new ArrayList<>();
                    files.forEach(f -> sources.add(new DatasetDetail.SourceFile(f.getUUID("job_id"),
                            f.getString("file_name"), f.getString("sha256"), f.getLong("size_bytes"),
                            f.getLong("row_count"), f.getOffsetDateTime("loaded_at"))));
                    return new DatasetDetail(dataset.getString("name"),
                            "datasets." + dataset.getString("table_name"),
                            dataset.getLong("row_count"),
                            columns(dataset.getJsonArray("columns")),
                            sources,
                            dataset.getOffsetDateTime("created_at"),
                            dataset.getOffsetDateTime("updated_at"));
                });
    }

    private static List<DatasetDetail.Column> columns(JsonArray metadata) {
        List<DatasetDetail.Column> out = new ArrayList<>(metadata.size());
        for (int i = 0; i < metadata.size(); i++) {
            JsonObject column = metadata.getJsonObject(i);
            ColumnType type = ColumnType.valueOf(column.getString("type"));
            out.add(new DatasetDetail.Column(column.getString("name"), column.getString("header"), type.sql()));
        }
        return out;
    }

    private static Map<String, Object> toMap(Row row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            Object value = row.getValue(i);
            if (value instanceof Numeric numeric) {
                value = numeric.bigDecimalValue();
            } else if (value instanceof UUID uuid) {
                value = uuid.toString();
            }
            out.put(row.getColumnName(i), value);
        }
        return out;
    }
}
