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
 * Fails a test class when Vert.x reported that the event loop was blocked by work that must never run there. The
 * test profile sets {@code quarkus.vertx.max-event-loop-execute-time} low, so parsing, JDBC, file I/O, hashing or
 * sleeping on the event loop shows up here. Reports whose blocked stack holds none of these (class loading while
 * the JVM warms up on a busy machine: any stack that passes through a class loader) are printed but do not fail. Registered for every test class through JUnit's
 * extension auto-detection.
 */
public class EventLoopGuard implements BeforeAllCallback, AfterAllCallback {

    private static final List<String> FORBIDDEN = List.of("io.sheetingest.", "org.apache.poi.", "org.postgresql.",
            "java.io.File", "java.nio.file.", "sun.nio.fs.", "java.security.MessageDigest", "java.lang.Thread.sleep",
            "java.util.zip.");

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

    /** The first frame of the blocked stack that names forbidden work, or null. */
    static String culprit(Throwable blocked) {
        if (blocked == null) {
            return "(no stack)";
        }
        String culprit = null;
        for (StackTraceElement frame : blocked.getStackTrace()) {
            String where = frame.getClassName() + "." + frame.getMethodName();
            if (where.startsWith("java.lang.ClassLoader.") || where.startsWith("io.quarkus.bootstrap.classloading.")) {
                return null;
            }
            if (culprit == null && FORBIDDEN.stream().anyMatch(where::startsWith)) {
                culprit = where;
            }
        }
        return culprit;
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
                    String culprit = culprit(record.getThrown());
                    if (culprit != null) {
                        BLOCKED.add(message + " in " + culprit);
                    }
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
