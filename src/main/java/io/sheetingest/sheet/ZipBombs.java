package io.sheetingest.sheet;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Tells a client in the service's words that an xlsx or xlsb was refused by POI's zip-bomb guards
 * ({@link ZipSecureFile}): a part that inflates too many times its packed size, a part that inflates past the
 * largest size allowed, or a package of too many parts. POI reports each as a plain {@code IOException}, somewhere
 * in a cause chain, whose message tells the reader how to lift the limit through POI's API; it is known here by
 * that message, the only mark it has.
 */
final class ZipBombs {

    private static final String BOMB = "Zip bomb detected!";
    private static final String TOO_MANY_PARTS = "The file appears to be potentially malicious";
    private static final Pattern ENTRY = Pattern.compile("Entry: (\\S+)\\s*$");
    private static final int MAX_CAUSES = 16;

    private ZipBombs() {
    }

    /** The refusal to answer with when {@code failure}, or one of its causes, is POI refusing a zip bomb. */
    static Optional<SheetReadException> refusal(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message == null) {
                continue;
            }
            if (message.startsWith(BOMB)) {
                return Optional.of(SheetReadException.unreadable(bomb(message)));
            }
            if (message.startsWith(TOO_MANY_PARTS)) {
                return Optional.of(SheetReadException.unreadable("The file holds more than "
                        + ZipSecureFile.getMaxFileCount() + " parts, as zip bombs do: refused"));
            }
        }
        return Optional.empty();
    }

    private static String bomb(String message) {
        Matcher entry = ENTRY.matcher(message);
        String part = entry.find() ? " (part " + entry.group(1) + ")" : "";
        if (message.contains("MAX_ENTRY_SIZE")) {
            return "The file inflates to more than " + ZipSecureFile.getMaxEntrySize() / (1024 * 1024)
                    + " MiB when unzipped" + part + ", as zip bombs do: refused";
        }
        return "The file inflates more than " + Math.round(1 / ZipSecureFile.getMinInflateRatio())
                + " times when unzipped" + part + ", as zip bombs do: refused";
    }
}
