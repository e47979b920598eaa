package io.sheetingest.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import io.sheetingest.problem.ProblemException;
import io.sheetingest.problem.ProblemType;
import io.sheetingest.sheet.OleContainer;
import io.sheetingest.sheet.TextEncoding;

/**
 * Spreadsheet formats, told apart by their bytes rather than by file name or Content-Type. The lower-case name is
 * what {@code ingest.jobs.format} stores.
 */
public enum SpreadsheetFormat {

    /** Office Open XML workbook (xlsx, xlsm). */
    XLSX,
    /** Excel binary workbook (xlsb). */
    XLSB,
    /** Excel 97-2003 binary workbook (BIFF8). */
    XLS,
    /** Delimited text (CSV, TSV, semicolon or pipe separated). */
    CSV;

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};
    private static final int TEXT_SAMPLE = 8192;
    private static final Set<String> WORKBOOK_EXTENSIONS = Set.of("xls", "xlsx", "xlsm", "xlsb", "ods");

    /** The format a job's {@code format} column names. */
    public static SpreadsheetFormat of(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }

    /**
     * Detects the format of a stored file. Blocking: call on the I/O executor.
     *
     * @throws ProblemException 415 for files that are not a supported spreadsheet, 422 for a damaged or
     *                          encrypted one
     */
    public static SpreadsheetFormat detect(Path file, String fileName) {
        byte[] head = head(file);
        if (head.length == 0) {
            throw new ProblemException(ProblemType.UNREADABLE_FILE, "'" + fileName + "' is empty");
        }
        if (startsWith(head, ZIP)) {
            return checkWorkbookArchive(file, fileName);
        }
        if (startsWith(head, OLE2)) {
            return checkOle2(file, fileName);
        }
        if (!TextEncoding.looksLikeText(head)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_FORMAT, "'" + fileName
                    + "' is not a spreadsheet: upload xlsx, xls or CSV");
        }
        String extension = extension(fileName);
        if (WORKBOOK_EXTENSIONS.contains(extension)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_FORMAT, "'" + fileName + "' is named ." + extension
                    + " but holds plain text, not a workbook");
        }
        return CSV;
    }

    private static SpreadsheetFormat checkWorkbookArchive(Path file, String fileName) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName().toLowerCase(Locale.ROOT);
                if (name.equals("xl/workbook.xml")) {
                    return XLSX;
                }
                if (name.equals("xl/workbook.bin")) {
                    return XLSB;
                }
                if (name.equals("content.xml")) {
                    throw new ProblemException(ProblemType.UNSUPPORTED_FORMAT, "'" + fileName
                            + "' is an OpenDocument file (ods), which is not read: save it as .xlsx");
                }
            }
            throw new ProblemException(ProblemType.UNSUPPORTED_FORMAT, "'" + fileName
                    + "' is a zip archive but not an Excel workbook (no xl/workbook.xml)");
        } catch (ZipException e) {
            throw new ProblemException(ProblemType.UNREADABLE_FILE, "'" + fileName
                    + "' is a damaged or truncated zip archive: " + e.getMessage());
        } catch (IOException e) {
            throw new ProblemException(ProblemType.UNREADABLE_FILE, "'" + fileName + "' cannot be read: "
                    + e.getMessage());
        }
    }

    private static SpreadsheetFormat checkOle2(Path file, String fileName) {
        OleContainer.Content content;
        try {
            content = OleContainer.inspect(file);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.UNREADABLE_FILE, "'" + fileName
                    + "' is a damaged OLE2 (legacy Office) file: " + e.getMessage());
        }
        return switch (content) {
            case XLS -> XLS;
            case ENCRYPTED_XLS, ENCRYPTED_OOXML -> throw new ProblemException(ProblemType.UNREADABLE_FILE, "'"
                    + fileName + "' is an encrypted workbook: remove its password in Excel and upload it again");
            case EXCEL_95 -> throw new ProblemException(ProblemType.UNSUPPORTED_FORMAT, "'" + fileName
                    + "' is an Excel 95 file: re-save it as .xlsx");
            case OTHER -> throw new ProblemException(ProblemType.UNSUPPORTED_FORMAT, "'" + fileName
                    + "' is a legacy Office document but not an Excel workbook");
        };
    }

    private static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(TEXT_SAMPLE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read stored upload " + file, e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
