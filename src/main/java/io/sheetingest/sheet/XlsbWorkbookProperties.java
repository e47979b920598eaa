package io.sheetingest.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.util.LittleEndian;
import org.apache.poi.xssf.binary.XSSFBParseException;
import org.apache.poi.xssf.binary.XSSFBParser;
import org.apache.poi.xssf.binary.XSSFBUtils;

/**
 * The date system and hidden sheets of an xlsb workbook, from the records of {@code xl/workbook.bin} that POI's
 * {@code XSSFBReader} does not expose ([MS-XLSB] 2.4.820 BrtWbProp and 2.4.304 BrtBundleSh).
 */
final class XlsbWorkbookProperties extends XSSFBParser {

    private static final int BRT_WB_PROP = 153;
    private static final int BRT_BUNDLE_SH = 156;
    private static final int VISIBLE = 0;

    private boolean date1904;
    private final Set<String> hiddenSheets = new HashSet<>();
    private final List<String> sheets = new ArrayList<>();
    private final Map<String, String> relationIds = new HashMap<>();

    private XlsbWorkbookProperties(InputStream workbook) {
        super(workbook);
    }

    static WorkbookProperties read(InputStream workbook) throws IOException {
        XlsbWorkbookProperties parser = new XlsbWorkbookProperties(workbook);
        parser.parse();
        return new WorkbookProperties(parser.date1904, parser.hiddenSheets, List.copyOf(parser.sheets),
                parser.relationIds);
    }

    @Override
    public void handleRecord(int recordType, byte[] data) throws XSSFBParseException {
        if (recordType == BRT_WB_PROP && data.length >= 4) {
            date1904 = (LittleEndian.getInt(data, 0) & 1) != 0;
        } else if (recordType == BRT_BUNDLE_SH && data.length >= 8) {
            long state = LittleEndian.getUInt(data, 0);
            StringBuilder relationId = new StringBuilder();
            int offset = 8 + XSSFBUtils.readXLWideString(data, 8, relationId);
            StringBuilder name = new StringBuilder();
            XSSFBUtils.readXLWideString(data, offset, name);
            sheets.add(name.toString());
            relationIds.put(name.toString(), relationId.toString());
            if (state != VISIBLE) {
                hiddenSheets.add(name.toString());
            }
        }
    }
}
