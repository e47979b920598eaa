package io.sheetingest.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import io.sheetingest.problem.ProblemException;
import io.sheetingest.problem.ProblemType;

/** Spreadsheet formats, told apart by their bytes rather than by file name or Content-Type. */
public enum SpreadsheetFormat {

    XLSX;

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};

    /**
     * Detects the format of a stored file. Blocking: call on the I/O executor.
     *
     * @throws ProblemException 415 for files that are not a supported spreadsheet, 422 for a damaged container
     */
    public static SpreadsheetFormat detect(Path file, String fileName) {
        byte[] head = head(file);
        if (startsWith(head, ZIP)) {
            return checkWorkbookArchive(file, fileName);
        }
        if (startsWith(head, OLE2)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_FORMAT, "'" + fileName
                    + "' is a legacy OLE2 file (xls, or an encrypted workbook); only xlsx is read so far: "
                    + "save it as .xlsx");
        }
        if (head.length == 0) {
            throw new ProblemException(ProblemType.UNREADABLE_FILE, "'" + fileName + "' is empty");
        }
        throw new ProblemException(ProblemType.UNSUPPORTED_FORMAT, "'" + fileName
                + "' is not an xlsx workbook (no zip signature); save it as .xlsx");
    }

    private static SpreadsheetFormat checkWorkbookArchive(Path file, String fileName) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName().toLowerCase(Locale.ROOT);
                if (name.equals("xl/workbook.xml") || name.equals("xl/workbook.bin")) {
                    return XLSX;
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

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
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
