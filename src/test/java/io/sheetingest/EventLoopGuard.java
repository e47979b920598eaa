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
 * Fails a test class when Vert.x reported that the event loop was blocked, during its tests, by work that must
 * never run there. The test profile sets {@code quarkus.vertx.max-event-loop-execute-time} low, so parsing, JDBC,
 * file I/O, hashing or sleeping on the event loop shows up here. The application's start-up, and one-off warm-up
 * (class loading, lambda linking, Jackson building a serializer) on a busy machine, do not count. Registered for
 * every test class through JUnit's extension auto-detection.
 */
public class EventLoopGuard implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private static final List<String> FORBIDDEN = List.of("org.apache.poi.", "org.postgresql.",
            "org.apache.xmlbeans.", "com.sun.org.apache.xerces.", "de.siegmar.fastcsv.", "java.io.File",
            "java.nio.file.", "sun.nio.fs.", "sun.nio.ch.FileChannelImpl", "java.security.MessageDigest",
            "java.lang.Thread.sleep", "java.util.zip.");

    /** How deep into the blocked stack a blocking call is looked for; JDBC socket reads sit about ten frames in. */
    private static final int TOP_FRAMES = 12;

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

    /**
     * What the loop was blocked in, or null when that was not forbidden work: a blocking call (JDBC, files, XML
     * parsing, hashing, sleep) among the innermost frames, or our own code as the very innermost frame (a CPU loop).
     * On a loaded two-core machine the loop is also caught in ordinary code that merely waited for a CPU; our
     * classes further out on such a stack are not at fault.
     */
    static String culprit(Throwable blocked) {
        if (blocked == null) {
            return "(no stack)";
        }
        StackTraceElement[] stack = blocked.getStackTrace();
        if (stack.length > 0 && stack[0].getClassName().startsWith("io.sheetingest.")) {
            return stack[0].getClassName() + "." + stack[0].getMethodName();
        }
        for (int i = 0; i < Math.min(TOP_FRAMES, stack.length); i++) {
            StackTraceElement frame = stack[i];
            String where = frame.getClassName() + "." + frame.getMethodName();
            if (FORBIDDEN.stream().anyMatch(where::startsWith)) {
                return where;
            }
        }
        return null;
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
