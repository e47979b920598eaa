package io.sheetingest.sheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import io.sheetingest.problem.ProblemType;

/**
 * The xls reader as it was before it streamed records: it loads the whole workbook into HSSF's user model. Kept
 * only as the reference {@link XlsReaderTest} holds {@link XlsReader} to, file by file and sheet by sheet.
 */
final class UserModelXlsReader implements SheetReader {

    private final SheetLimits limits;

    UserModelXlsReader(SheetLimits limits) {
        this.limits = limits;
    }

    @Override
    public String read(Path file, ReadOptions options, RowHandler handler) {
        checkSize(file);
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true); HSSFWorkbook workbook = load(fs)) {
            Sheet sheet = choose(workbook, options.sheet());
            handler.workbook(sheetNames(workbook));
            boolean date1904 = workbook.getInternalWorkbook().isUsing1904DateWindowing();
            handler.start(sheet.getSheetName(), merged(sheet));
            new SheetRows(sheet, date1904, handler).read();
            handler.end();
            return sheet.getSheetName();
        } catch (IOException e) {
            throw SheetReadException.unreadable("The xls workbook is damaged: " + e.getMessage());
        }
    }

    /** HSSF parses every record here, so this is where damaged, encrypted and too old files show. */
    private static HSSFWorkbook load(POIFSFileSystem fs) throws IOException {
        try {
            return new HSSFWorkbook(fs.getRoot(), false);
        } catch (EncryptedDocumentException e) {
            throw SheetReadException.unreadable("The workbook is encrypted (password protected): remove the "
                    + "password in Excel and upload it again");
        } catch (OldExcelFormatException e) {
            throw new SheetReadException(ProblemType.UNSUPPORTED_FORMAT,
                    "Excel 95 file: re-save it as .xlsx and upload it again");
        } catch (RuntimeException e) {
            throw SheetReadException.unreadable("The xls workbook is damaged: " + e.getMessage());
        }
    }

    private void checkSize(Path file) {
        try {
            long size = Files.size(file);
            if (size > limits.maxXlsBytes()) {
                throw SheetReadException.unreadable("The .xls file is " + size + " bytes, more than the "
                        + limits.maxXlsBytes() + " allowed for the legacy format (sheet-ingest.limits.max-xls-bytes):"
                        + " save it as .xlsx");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read stored upload " + file, e);
        }
    }

    private static List<String> sheetNames(HSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i));
        }
        return names;
    }

    private static Sheet choose(HSSFWorkbook workbook, String requested) {
        Set<String> hidden = new HashSet<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i)) {
                hidden.add(workbook.getSheetName(i));
            }
        }
        return workbook.getSheet(SheetChoice.choose(requested, sheetNames(workbook), hidden));
    }

    private static MergedCells merged(Sheet sheet) {
        List<CellRange> regions = new ArrayList<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            regions.add(new CellRange(region.getFirstRow() + 1L, region.getLastRow() + 1L, region.getFirstColumn(),
                    region.getLastColumn()));
        }
        return (firstRow, lastRow) -> regions.stream()
                .filter(r -> r.firstRow() <= lastRow && r.lastRow() >= firstRow)
                .toList();
    }

    /** Turns HSSF rows into canonical cells. */
    private static final class SheetRows {

        private final Sheet sheet;
        private final boolean date1904;
        private final RowHandler handler;
        private final Map<Short, DateFormats.Shows> formatByStyle = new HashMap<>();

        SheetRows(Sheet sheet, boolean date1904, RowHandler handler) {
            this.sheet = sheet;
            this.date1904 = date1904;
            this.handler = handler;
        }

        void read() {
            for (Row row : sheet) {
                long rowNumber = row.getRowNum() + 1L;
                List<Cell> cells = new ArrayList<>();
                for (org.apache.poi.ss.usermodel.Cell cell : row) {
                    Cell value = value(rowNumber, cell);
                    if (value != null) {
                        cells.add(value);
                    }
                }
                if (!cells.isEmpty()) {
                    handler.row(rowNumber, cells);
                }
            }
        }

        private Cell value(long rowNumber, org.apache.poi.ss.usermodel.Cell cell) {
            CellType type = cell.getCellType();
            if (type == CellType.FORMULA) {
                type = cell.getCachedFormulaResultType();
            }
            int column = cell.getColumnIndex();
            return switch (type) {
                case NUMERIC -> number(column, cell.getNumericCellValue(), cell.getCellStyle());
                case STRING -> text(column, cell.getStringCellValue());
                case BOOLEAN -> new Cell(column, CellKind.BOOLEAN, Boolean.toString(cell.getBooleanCellValue()));
                case ERROR -> {
                    handler.errorCell(rowNumber, column, errorText(cell.getErrorCellValue()));
                    yield null;
                }
                default -> null;
            };
        }

        private Cell number(int column, double value, CellStyle style) {
            DateFormats.Shows shows = formatByStyle.computeIfAbsent(style.getIndex(),
                    index -> DateFormats.classify(style.getDataFormat(), style.getDataFormatString()));
            if (shows != DateFormats.Shows.NUMBER) {
                return DateFormats.cell(column, value, date1904, shows, style.getDataFormatString());
            }
            return Numbers.cell(column, Numbers.shortest(value));
        }

        private static String errorText(byte code) {
            return FormulaError.isValidCode(code) ? FormulaError.forInt(code).getString() : "#ERROR(" + code + ")";
        }

        private static Cell text(int column, String value) {
            return value == null || value.isEmpty() ? null : new Cell(column, CellKind.TEXT, value);
        }
    }
}
