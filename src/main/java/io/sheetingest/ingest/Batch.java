package io.sheetingest.ingest;

import java.util.List;

/**
 * Rows encoded for {@code COPY ... FROM STDIN} (text format), with the columns and types the file needs so far.
 *
 * @param columns the file's columns in COPY order, types widened over every row read so far
 * @param data    UTF-8 COPY text, one line per row, ending in the lineage columns
 * @param rows    how many rows {@code data} holds
 */
record Batch(List<ColumnSpec> columns, byte[] data, int rows) {
}
