package io.sheetingest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Vert.x reported a blocked event loop while it ran. The test profile sets
 * {@code quarkus.vertx.max-event-loop-execute-time} low, so any parsing, JDBC or file I/O on the event loop shows up
 * here; the application's start-up and class loading during warm-up do not count. Registered for every test
 * class through JUnit's extension auto-detection.
 */
public class EventLoopGuard implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private static final List<String> BLOCKED = new CopyOnWriteArrayList<>();
    private static volatile boolean installed;
    private static volatile boolean armed;

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
        armed = false;
        BLOCKED.clear();
    }

    /** Quarkus starts the application between beforeAll and the first test; its own start-up is not judged here. */
    @Override
    public void beforeEach(ExtensionContext context) {
        armed = true;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        armed = false;
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
                if (armed && message != null && message.contains("has been blocked for")
                        && message.contains("vert.x-eventloop") && !loadingClasses(record.getThrown())) {
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

    /**
     * The first request down a path loads classes, links lambdas and method handles, and has Jackson build the
     * serializer of each type on the loop. On a busy machine that alone can pass the test limit; it happens once per
     * JVM and is not work that belongs on a worker thread.
     */
    private static boolean loadingClasses(Throwable blockedAt) {
        if (blockedAt == null) {
            return false;
        }
        for (StackTraceElement frame : blockedAt.getStackTrace()) {
            String method = frame.getMethodName();
            if ("<clinit>".equals(method) || "loadClass".equals(method) || method.startsWith("defineClass")
                    || method.startsWith("_createAndCache")
                    || frame.getClassName().startsWith("java.lang.invoke.")) {
                return true;
            }
        }
        return false;
    }
}
