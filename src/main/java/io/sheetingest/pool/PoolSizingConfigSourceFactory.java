package io.sheetingest.pool;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Computes both datasource pools' sizes where Quarkus reads its configuration, from the active profile, the CPU
 * count and {@code DB_POOL_SIZE}/{@code DB_MAX_OVERFLOW}. Its ordinal sits below {@code application.properties}
 * and the environment, so an explicit {@code quarkus.datasource.*} size still wins.
 */
public class PoolSizingConfigSourceFactory implements ConfigSourceFactory {

    /** Below application.properties (250) and environment variables (300). */
    static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        PoolSizing sizing = PoolSizing.resolve(context.getProfiles(), Runtime.getRuntime().availableProcessors(),
                value(context, PoolSizing.SIZE_VARIABLE, "sheet-ingest.db.pool-size"),
                value(context, PoolSizing.OVERFLOW_VARIABLE, "sheet-ingest.db.max-overflow"));
        Map<String, String> properties = Map.of(
                "quarkus.datasource.jdbc.min-size", String.valueOf(sizing.base()),
                "quarkus.datasource.jdbc.initial-size", String.valueOf(sizing.base()),
                "quarkus.datasource.jdbc.max-size", String.valueOf(sizing.max()),
                "quarkus.datasource.reactive.max-size", String.valueOf(sizing.max()),
                "sheet-ingest.db.pool-source", sizing.source());
        return List.of(new PropertiesConfigSource(properties, "sheet-ingest pool sizing", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static String value(ConfigSourceContext context, String variable, String property) {
        ConfigValue env = context.getValue(variable);
        if (env != null && env.getValue() != null) {
            return env.getValue();
        }
        ConfigValue configured = context.getValue(property);
        return configured == null ? null : configured.getValue();
    }
}
