package io.sheetingest.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaddedFormatTest {

    @ParameterizedTest(name = "{0} under {1} shows {2}")
    @CsvSource(delimiter = '|', value = {
        "501|00000|00501",
        "90210|00000|90210",
        "1234567|00000|1234567",
        "0|00000|00000",
        "78051120|000-00-0000|078-05-1120",
        "1234567890|000-00-0000|1234-56-7890",
        "-78051120|000-00-0000|-078-05-1120",
        "-501|000-00-0000|-000-00-0501",
        "100000000000000000000|000-00-0000|100000000000000-00-0000",
        "123456|\\0\\0000|00123456",
        "42|\"ID-\"0000|ID-0042",
        "-42|0000;(0000)|(0042)",
        "7|[Blue]000|007",
        "7|#00|07",
        "1234567890.4|000-00-0000|1234-56-7890",
        "-78051120.4|000-00-0000|-078-05-1120",
        "12.5|000-00-0000|000-00-0013",
        "2.5|00000|00003",
        "0|000-00-0000;(000-00-0000);\"none\"|none"})
    void showsTheNumberAsExcelDoes(String value, String code, String shown) {
        assertEquals(shown, PaddedFormat.format(new BigDecimal(value), code));
    }

    @Test
    void leavesDecimalsAndOtherFormatsToPoi() {
        assertNull(PaddedFormat.format(new BigDecimal("25"), "00.00"));
        assertNull(PaddedFormat.format(new BigDecimal("25"), "00,000"));
        assertNull(PaddedFormat.format(new BigDecimal("25"), "00%"));
    }

    @Test
    void cellsCarryThePaddedTextAsShown() {
        assertEquals("1234-56-7890", Numbers.padded(0, 1234567890, "000-00-0000").shownText());
        assertEquals("00.50", Numbers.padded(0, 0.5, "00.00").shownText(), "decimals through POI");
    }
}
