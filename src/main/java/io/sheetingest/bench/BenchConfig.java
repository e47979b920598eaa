package io.sheetingest.bench;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Switches that exist only for bench/ (docs/benchmarks.md) to measure what the service's design buys. None of them
 * is ever set in application.properties, and each is ignored unless the JVM runs with the system property
 * {@code -Dsheet-ingest.bench-mode=true}, which only bench/run.sh passes.
 */
@ConfigMapping(prefix = "sheet-ingest.bench")
public interface BenchConfig {

    /** The system property that must be {@code true} for any bench switch to take effect. */
    String MODE_PROPERTY = "sheet-ingest.bench-mode";

    /**
     * Bench only: parse spreadsheets on a Vert.x event loop instead of the CPU executor, to show the stall that the
     * executor prevents. Default false; honoured only in bench mode.
     */
    @WithDefault("false")
    boolean parseOnEventLoop();
}
