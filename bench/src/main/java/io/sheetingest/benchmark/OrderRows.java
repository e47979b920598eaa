package io.sheetingest.benchmark;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * The bench's 12 mixed columns, the same rows for every format: integers, decimals, dates, timestamps, text with
 * leading zeros, CJK text, booleans and blanks. Row {@code n} is a pure function of {@code n}, so the xlsx and the
 * CSV hold identical values.
 */
final class OrderRows {

    static final String[] HEADERS = {
        "order_id", "customer_code", "quantity", "unit_price", "discount", "order_date",
        "shipped_at", "product", "city", "paid", "note", "weight_kg"
    };

    /** The table every baseline loads into; the service infers the same types from the values. */
    static final String DDL_COLUMNS = "order_id bigint, customer_code text, quantity bigint, unit_price numeric, "
            + "discount numeric, order_date date, shipped_at timestamp, product text, city text, paid boolean, "
            + "note text, weight_kg numeric";

    private static final String[] CITIES = {"東京", "大阪", "北京", "上海", "서울", "深圳", "名古屋", "台北"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OrderRows() {
    }

    /** One row; {@code null} marks a blank cell. */
    static Object[] row(long n) {
        SplittableRandom random = new SplittableRandom(n * 0x9E3779B97F4A7C15L);
        LocalDate day = FIRST_DAY.plusDays(random.nextInt(2000));
        boolean shipped = random.nextInt(10) != 0;
        return new Object[] {
            n,
            String.format("%08d", random.nextInt(1_000_000)),
            (long) random.nextInt(1, 500),
            BigDecimal.valueOf(random.nextLong(100, 1_000_000), 2),
            random.nextInt(4) == 0 ? null : BigDecimal.valueOf(random.nextInt(0, 50), 2),
            day,
            shipped ? day.atTime(random.nextInt(24), random.nextInt(60), random.nextInt(60)).plusDays(2) : null,
            "product-" + Long.toString(n * 7919, 36),
            CITIES[random.nextInt(CITIES.length)] + "・" + random.nextInt(100),
            random.nextBoolean(),
            random.nextInt(20) == 0 ? "請求書 " + n : null,
            BigDecimal.valueOf(random.nextLong(1, 100_000), 3),
        };
    }

    /** The row as one CSV line, in the ISO formats PostgreSQL's COPY and the service both read. */
    static String csv(Object[] row) {
        StringBuilder line = new StringBuilder(160);
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = row[i];
            if (value instanceof LocalDateTime timestamp) {
                line.append(TIMESTAMP.format(timestamp));
            } else if (value instanceof BigDecimal decimal) {
                line.append(decimal.toPlainString());
            } else if (value != null) {
                line.append(value);
            }
        }
        return line.append('\n').toString();
    }
}
