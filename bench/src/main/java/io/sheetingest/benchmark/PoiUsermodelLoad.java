package io.sheetingest.benchmark;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Locale;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The usual Java approach, as a baseline: open the workbook with POI's usermodel ({@code XSSFWorkbook}, the whole
 * sheet in memory) and insert its rows with JDBC batches in one transaction.
 */
final class PoiUsermodelLoad {

    private static final int BATCH = 1000;

    private PoiUsermodelLoad() {
    }

    static String run(BenchArgs args) throws Exception {
        long started = System.nanoTime();
        String table = args.required("table");
        String placeholders = String.join(", ", java.util.Collections.nCopies(OrderRows.HEADERS.length, "?"));
        long rows = 0;
        try (OPCPackage pkg = OPCPackage.open(new File(args.required("file")), PackageAccess.READ);
                XSSFWorkbook book = new XSSFWorkbook(pkg);
                Connection db = DriverManager.getConnection(args.required("jdbc"))) {
            db.setAutoCommit(false);
            Sheet sheet = book.getSheetAt(0);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + table + " VALUES (" + placeholders
                    + ")")) {
                for (Row row : sheet) {
                    if (row.getRowNum() == 0) {
                        continue;
                    }
                    bind(insert, row);
                    insert.addBatch();
                    if (++rows % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            db.commit();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return String.format(Locale.ROOT, "{\"rows\":%d,\"seconds\":%.3f}", rows, seconds);
    }

    private static void bind(PreparedStatement insert, Row row) throws java.sql.SQLException {
        for (int i = 0; i < OrderRows.HEADERS.length; i++) {
            Cell cell = row.getCell(i, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
            int parameter = i + 1;
            if (cell == null) {
                insert.setNull(parameter, Types.OTHER);
                continue;
            }
            switch (cell.getCellType()) {
                case NUMERIC -> {
                    if (DateUtil.isCellDateFormatted(cell)) {
                        insert.setTimestamp(parameter, Timestamp.valueOf(cell.getLocalDateTimeCellValue()));
                    } else {
                        insert.setObject(parameter, java.math.BigDecimal.valueOf(cell.getNumericCellValue()),
                                Types.NUMERIC);
                    }
                }
                case BOOLEAN -> insert.setBoolean(parameter, cell.getBooleanCellValue());
                default -> insert.setString(parameter, cell.getStringCellValue());
            }
        }
    }
}
