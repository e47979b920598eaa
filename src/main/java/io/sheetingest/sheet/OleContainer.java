package io.sheetingest.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.LittleEndian;

/**
 * Tells apart what an OLE2 compound file holds: a BIFF8 workbook, an encrypted one, an Excel 95 (BIFF5) one,
 * an encrypted OOXML package, or something else. Only the stream directory and the first workbook records are
 * read, so it is cheap enough to run at upload time.
 */
public final class OleContainer {

    /** What is inside. */
    public enum Content {
        /** An Excel 97-2003 workbook. */
        XLS,
        /** An Excel 97-2003 workbook with a password (FILEPASS record). */
        ENCRYPTED_XLS,
        /** An xlsx saved with a password: an {@code EncryptedPackage} stream. */
        ENCRYPTED_OOXML,
        /** An Excel 5.0/95 (BIFF5) workbook. */
        EXCEL_95,
        /** Another OLE2 document, such as .doc or .msg. */
        OTHER
    }

    private static final int BOF = 0x0809;
    private static final int EOF = 0x000A;
    private static final int FILEPASS = 0x002F;
    private static final int BIFF8 = 0x0600;
    /** Records read before giving up on finding FILEPASS; it sits right after BOF in every Excel-written file. */
    private static final int MAX_RECORDS = 64;

    private OleContainer() {
    }

    /**
     * @throws IOException when the compound file is damaged
     */
    public static Content inspect(Path file) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptedPackage")) {
                return Content.ENCRYPTED_OOXML;
            }
            if (root.hasEntryCaseInsensitive("Workbook")) {
                try (DocumentInputStream in = root.createDocumentInputStream(
                        root.getEntryCaseInsensitive("Workbook"))) {
                    return workbookStream(in);
                }
            }
            if (root.hasEntryCaseInsensitive("Book")) {
                return Content.EXCEL_95;
            }
            return Content.OTHER;
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Content workbookStream(InputStream in) throws IOException {
        byte[] header = new byte[4];
        for (int i = 0; i < MAX_RECORDS; i++) {
            if (in.readNBytes(header, 0, 4) < 4) {
                return Content.XLS;
            }
            int sid = LittleEndian.getUShort(header, 0);
            int length = LittleEndian.getUShort(header, 2);
            byte[] data = in.readNBytes(length);
            if (i == 0 && sid == BOF && data.length >= 2 && LittleEndian.getUShort(data, 0) < BIFF8) {
                return Content.EXCEL_95;
            }
            if (sid == FILEPASS) {
                return Content.ENCRYPTED_XLS;
            }
            if (sid == EOF) {
                return Content.XLS;
            }
        }
        return Content.XLS;
    }
}
