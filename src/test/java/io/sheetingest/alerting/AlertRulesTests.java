package io.sheetingest.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The rules as application.properties and the environment configure them, read through the real mapping: the
 * shipped defaults, variables that override them, and bad values refused with the variable's name.
 */
class AlertRulesTests {

    @Test
    void shipsTheDocumentedDefaults() throws IOException {
        List<AlertRule> rules = AlertRules.from(config(Map.of()));

        assertEquals(List.of("host-cpu", "process-cpu", "host-memory", "heap", "disk", "db-pool-jdbc",
                "db-pool-reactive", "db-pending", "db-timeouts", "executor-queue-cpu", "executor-queue-io",
                "executor-rejections", "event-loop-lag"), rules.stream().map(AlertRule::name).toList());
        AlertRule cpu = rule(rules, "host-cpu");
        assertEquals(85, cpu.warning());
        assertEquals(95, cpu.critical());
        assertEquals(10, cpu.margin());
        assertEquals(4, cpu.forSamples(), "the global for-samples");
        assertEquals(2, rule(rules, "disk").forSamples(), "disk has its own");
        assertEquals(1, rule(rules, "executor-rejections").forSamples());
        assertEquals(100, rule(rules, "event-loop-lag").warning());
        assertEquals(1000, rule(rules, "event-loop-lag").critical());
    }

    @Test
    void readsThresholdsFromTheEnvironmentVariables() throws IOException {
        List<AlertRule> rules = AlertRules.from(config(Map.of(
                "ALERT_CPU_PERCENT", "70",
                "ALERT_CPU_PERCENT_CRITICAL", "90",
                "ALERT_DB_POOL_PERCENT", "60",
                "ALERT_FOR_SAMPLES", "8")));

        assertEquals(70, rule(rules, "host-cpu").warning());
        assertEquals(90, rule(rules, "host-cpu").critical());
        assertEquals(8, rule(rules, "host-cpu").forSamples());
        assertEquals(60, rule(rules, "db-pool-jdbc").warning(), "one setting for both pools");
        assertEquals(60, rule(rules, "db-pool-reactive").warning());
    }

    @Test
    void refusesAPercentageAboveOneHundredNamingTheVariable() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AlertRules.from(config(Map.of("ALERT_DISK_PERCENT", "120"))));

        assertTrue(refused.getMessage().contains(
                "ALERT_DISK_PERCENT (sheet-ingest.alerting.disk.warning)=120 must be between 0 and 100"),
                refused.getMessage());
    }

    @Test
    void refusesACriticalLevelBelowTheWarning() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AlertRules.from(config(Map.of("ALERT_MEMORY_PERCENT", "90", "ALERT_MEMORY_PERCENT_CRITICAL",
                        "80"))));

        assertTrue(refused.getMessage().contains("ALERT_MEMORY_PERCENT_CRITICAL "
                + "(sheet-ingest.alerting.host-memory.critical)=80 must be above the warning (90)"),
                refused.getMessage());
    }

    @Test
    void listsEveryBadSettingAtOnce() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AlertRules.from(config(Map.of(
                        "ALERT_EVENT_LOOP_LAG_MILLIS", "-5",
                        "ALERT_FOR_SAMPLES", "0",
                        "sheet-ingest.alerting.heap.recovery-margin", "95"))));

        String message = refused.getMessage();
        assertTrue(message.startsWith("Bad alert thresholds: "), message);
        assertTrue(message.contains("ALERT_EVENT_LOOP_LAG_MILLIS (sheet-ingest.alerting.event-loop-lag.warning)=-5"),
                message);
        assertTrue(message.contains("ALERT_FOR_SAMPLES (sheet-ingest.alerting.for-samples)=0 must be at "
                + "least 1"), message);
        assertTrue(message.contains("sheet-ingest.alerting.heap.recovery-margin=95 must be between 0 and the "
                + "warning (80)"), message);
    }

    @Test
    void refusesAWebhookUrlThatIsNotHttp() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WebhookSettings.from(config(Map.of("ALERT_WEBHOOK_URL", "ftp://127.0.0.1/hook")).webhook()));

        assertEquals("ALERT_WEBHOOK_URL='ftp://127.0.0.1/hook' is not an http(s) URL with a host",
                refused.getMessage());
    }

    @Test
    void leavesTheWebhookOffByDefault() throws IOException {
        assertTrue(WebhookSettings.from(config(Map.of()).webhook()).isEmpty());
    }

    private static AlertRule rule(List<AlertRule> rules, String name) {
        return rules.stream().filter(rule -> rule.name().equals(name)).findFirst().orElseThrow();
    }

    /** application.properties below the given variables, as Quarkus layers the environment over the file. */
    static AlertingConfig config(Map<String, String> environment) throws IOException {
        URL properties = AlertRulesTests.class.getClassLoader().getResource("application.properties");
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, 100))
                .withSources(new PropertiesConfigSource(new HashMap<>(environment), "environment", 300))
                .withMapping(AlertingConfig.class)
                .withValidateUnknown(false)
                .build();
        return config.getConfigMapping(AlertingConfig.class);
    }
}
