package io.sheetingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * Settings that an application started in the prod profile by a test needs to behave like the test profile where
 * it matters: trust the tests' signed tokens. Read from the {@code %test.} entries of application.properties so
 * that there is one place that holds them.
 */
public final class TestSettings {

    private TestSettings() {
    }

    /** The {@code %test.} value of a key in application.properties. */
    public static String testProfileValue(String key) {
        try (InputStream in = TestSettings.class.getResourceAsStream("/application.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            String value = properties.getProperty("%test." + key);
            if (value == null) {
                throw new IllegalStateException("application.properties has no %test." + key);
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Token verification settings of the test profile, as properties. */
    public static Map<String, String> tokenVerification() {
        return Map.of(
                "sheet-ingest.security.public-key", testProfileValue("sheet-ingest.security.public-key"),
                "sheet-ingest.security.issuer", testProfileValue("sheet-ingest.security.issuer"),
                "sheet-ingest.security.audience", testProfileValue("sheet-ingest.security.audience"));
    }
}
