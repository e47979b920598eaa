package io.sheetingest.sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The raw records of an xls workbook stream, for tests that need what POI's writer never writes: RK and MULRK
 * numbers, cells out of order, a blank written over a value.
 */
final class BiffRecords {

    static final int NUMBER = 0x0203;
    static final int LABEL_SST = 0x00FD;
    static final int BLANK = 0x0201;
    static final int STRING = 0x0207;
    static final int RK = 0x027E;
    static final int MUL_RK = 0x00BD;
    static final int SST = 0x00FC;
    private static final String WORKBOOK = "Workbook";

    /** One record: its type and its data, without the 4-byte header. */
    record Raw(int sid, byte[] data) {

        /** Whether this is a cell record of the given 0-based row and column. */
        boolean isCell(int row, int column) {
            return (sid == NUMBER || sid == LABEL_SST || sid == BLANK) && u16(data, 0) == row
                    && u16(data, 2) == column;
        }

        /** The 0-based row of a cell record, -1 for other records. */
        int cellRow() {
            return sid == NUMBER || sid == LABEL_SST || sid == BLANK || sid == RK || sid == MUL_RK ? u16(data, 0) : -1;
        }

        int xf() {
            return u16(data, 4);
        }
    }

    private BiffRecords() {
    }

    static List<Raw> read(Path xls) {
        try (POIFSFileSystem fs = new POIFSFileSystem(xls.toFile(), true);
                InputStream in = fs.createDocumentInputStream(WORKBOOK)) {
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            List<Raw> records = new ArrayList<>();
            while (bytes.remaining() >= 4) {
                int sid = bytes.getShort() & 0xFFFF;
                int length = bytes.getShort() & 0xFFFF;
                if (sid == 0 && length == 0) {
                    break;
                }
                byte[] data = new byte[length];
                bytes.get(data);
                records.add(new Raw(sid, data));
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the records as the workbook stream of a new compound file. */
    static Path write(Path xls, List<Raw> records) {
        ByteBuffer header = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (Raw record : records) {
            header.clear();
            header.putShort((short) record.sid()).putShort((short) record.data().length);
            stream.writeBytes(header.array());
            stream.writeBytes(record.data());
        }
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(xls)) {
            fs.createDocument(new ByteArrayInputStream(stream.toByteArray()), WORKBOOK);
            fs.writeFilesystem(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return xls;
    }

    /** A copy of a LABELSST record that names another entry of the shared strings table. */
    static Raw withSharedString(Raw label, int index) {
        byte[] data = label.data().clone();
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putInt(6, index);
        return new Raw(LABEL_SST, data);
    }

    static Raw number(int row, int column, int xf, double value) {
        return new Raw(NUMBER, cell(row, column, xf, 8).putDouble(value).array());
    }

    static Raw rk(int row, int column, int xf, int rk) {
        return new Raw(RK, cell(row, column, xf, 4).putInt(rk).array());
    }

    static Raw blank(int row, int column, int xf) {
        return new Raw(BLANK, cell(row, column, xf, 0).array());
    }

    /** A MULRK record: RK numbers in consecutive columns of one row, all in cell format {@code xf}. */
    static Raw mulRk(int row, int firstColumn, int xf, int... rks) {
        ByteBuffer data = ByteBuffer.allocate(6 + 6 * rks.length).order(ByteOrder.LITTLE_ENDIAN);
        data.putShort((short) row).putShort((short) firstColumn);
        for (int rk : rks) {
            data.putShort((short) xf).putInt(rk);
        }
        data.putShort((short) (firstColumn + rks.length - 1));
        return new Raw(MUL_RK, data.array());
    }

    /** An RK holding a whole number, optionally divided by 100 when read. */
    static int rkInteger(int value, boolean divideBy100) {
        return value << 2 | 2 | (divideBy100 ? 1 : 0);
    }

    /** An RK holding the top 30 bits of a double whose low 34 bits are zero, optionally divided by 100 when read. */
    static int rkDouble(double value, boolean divideBy100) {
        long bits = Double.doubleToLongBits(value);
        if ((bits & 0x3_FFFF_FFFFL) != 0) {
            throw new IllegalArgumentException(value + " does not fit an RK");
        }
        return (int) (bits >>> 32) | (divideBy100 ? 1 : 0);
    }

    private static ByteBuffer cell(int row, int column, int xf, int valueBytes) {
        return ByteBuffer.allocate(6 + valueBytes).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) row).putShort((short) column).putShort((short) xf);
    }

    private static int u16(byte[] data, int offset) {
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8;
    }
}
