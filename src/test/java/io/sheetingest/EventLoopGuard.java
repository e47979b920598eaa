package io.sheetingest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Vert.x reported a blocked event loop while it ran. The test profile sets
 * {@code quarkus.vertx.max-event-loop-execute-time} low, so any parsing, JDBC or file I/O on the event loop shows up
 * here. Registered for every test class through JUnit's extension auto-detection.
 */
public class EventLoopGuard implements BeforeAllCallback, AfterAllCallback {

    private static final List<String> BLOCKED = new CopyOnWriteArrayList<>();
    private static volatile boolean installed;

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
        BLOCKED.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> seen = List.copyOf(BLOCKED);
        BLOCKED.clear();
        if (!seen.isEmpty()) {
            throw new AssertionError("Vert.x reported a blocked event loop during "
                    + context.getDisplayName() + ": " + seen);
        }
    }

    private static synchronized void install() {
        if (installed) {
            return;
        }
        Logger.getLogger("io.vertx.core.impl.BlockedThreadChecker").addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                if (message != null && message.contains("has been blocked for")
                        && message.contains("vert.x-eventloop")) {
                    BLOCKED.add(message);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        installed = true;
    }
}
