package io.sheetingest.ingest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.sheetingest.dataset.ColumnType;

/**
 * One column of a dataset table.
 *
 * @param name   the normalised, unquoted PostgreSQL name
 * @param header the header text as it was in the file
 * @param type   the inferred type
 */
@RegisterForReflection
public record ColumnSpec(String name, String header, ColumnType type) {

    public ColumnSpec withType(ColumnType widened) {
        return new ColumnSpec(name, header, widened);
    }
}
