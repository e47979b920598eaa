package io.sheetingest.monitoring;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;

/**
 * Reads the meters Quarkus keeps for Vert.x pools ({@code <type>.pool.active}, {@code .idle}, {@code .queue.size},
 * ...): the Vert.x APIs of the worker pool and the SQL pool do not expose these figures themselves.
 */
@ApplicationScoped
public class VertxPoolMeters {

    private final MeterRegistry registry;

    public VertxPoolMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * A gauge's value rounded to a whole number, 0 when absent.
     *
     * @param type   {@code worker} or {@code sql}
     * @param name   the pool's name, or null for any pool of that type
     * @param figure {@code active}, {@code idle} or {@code queue.size}
     */
    public long gauge(String type, String name, String figure) {
        Gauge gauge = search(type, name, figure).gauge();
        return gauge == null ? 0 : Math.round(gauge.value());
    }

    /** A counter's total ({@code completed}, {@code rejected}), 0 when absent. */
    public long count(String type, String name, String figure) {
        FunctionCounter counter = search(type, name, figure).functionCounter();
        return counter == null ? 0 : Math.round(counter.count());
    }

    private Search search(String type, String name, String figure) {
        Search search = registry.find(type + ".pool." + figure).tag("pool.type", type);
        return name == null ? search : search.tag("pool.name", name);
    }
}
