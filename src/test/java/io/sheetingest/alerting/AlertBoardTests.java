package io.sheetingest.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Rules over samples: both levels of a rule, unknown readings, and the bounded history. */
class AlertBoardTests {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

    private static final AlertRule DISK = new AlertRule("disk", "SheetIngestDiskFilling", "percent",
            "ALERT_DISK_PERCENT", "sheet-ingest.alerting.disk", 100, 80, 90, 2, 2, "the file-store volume",
            MonitorSample::diskPercent);

    @Test
    void firesWarningThenCriticalAndResolvesBoth() {
        AlertBoard board = new AlertBoard(List.of(DISK), 10);

        assertEquals(List.of(), board.evaluate(disk(0, 85)));
        List<AlertTransition> warning = board.evaluate(disk(1, 92));
        assertEquals(1, warning.size());
        assertEquals(AlertSeverity.WARNING, warning.get(0).severity());
        assertEquals(92, warning.get(0).value());
        assertEquals(80, warning.get(0).threshold());
        List<AlertTransition> critical = board.evaluate(disk(2, 93));
        assertEquals(AlertSeverity.CRITICAL, critical.get(0).severity());
        assertEquals(AlertState.FIRING, board.state("disk", AlertSeverity.CRITICAL));

        List<AlertTransition> resolved = board.evaluate(disk(3, 50));

        assertEquals(List.of(AlertSeverity.WARNING, AlertSeverity.CRITICAL),
                resolved.stream().map(AlertTransition::severity).toList());
        assertTrue(resolved.stream().noneMatch(AlertTransition::firing));
        assertEquals(at(1), resolved.get(0).firingSince(), "warning fired at the second sample");
        assertEquals(at(2), resolved.get(1).firingSince(), "critical fired at the third sample");
        assertEquals(at(3), resolved.get(0).at());
    }

    @Test
    void keepsStateWhenAReadingIsUnknown() {
        AlertBoard board = new AlertBoard(List.of(DISK), 10);
        board.evaluate(disk(0, 85));
        board.evaluate(disk(1, 85));

        assertEquals(List.of(), board.evaluate(disk(2, Double.NaN)));
        assertEquals(AlertState.FIRING, board.state("disk", AlertSeverity.WARNING));
        assertEquals(85, board.value("disk"), "the last known value stays");
    }

    @Test
    void listsTheLatestTransitionsNewestFirstWithinTheHistorySize() {
        AlertBoard board = new AlertBoard(List.of(DISK), 3);
        double[] values = {85, 85, 10, 85, 85, 10};
        for (int i = 0; i < values.length; i++) {
            board.evaluate(disk(i, values[i]));
        }

        AlertsView view = board.view(true, "PT15S", 12.5);

        assertEquals(3, view.transitions().size(), "four transitions, three kept");
        assertEquals(List.of(at(5), at(4), at(2)), view.transitions().stream().map(AlertTransition::at).toList());
        assertEquals(at(5), view.evaluatedAt());
        AlertsView.Rule disk = view.rules().get(0);
        assertEquals("ok", disk.state());
        assertEquals(10.0, disk.value());
        assertEquals(78, disk.levels().get(0).resolveBelow());
    }

    @Test
    void showsNoValueBeforeTheFirstSample() {
        AlertsView view = new AlertBoard(List.of(DISK), 3).view(true, "PT15S", 0);

        assertNull(view.rules().get(0).value());
        assertNull(view.evaluatedAt());
        assertEquals("ok", view.rules().get(0).levels().get(1).state());
    }

    private static MonitorSample disk(int sample, double percent) {
        return new MonitorSample(at(sample), 1, 1, 1, 1, percent, 1, 1, 0, 0, 0, 0, 0, 1);
    }

    private static Instant at(int sample) {
        return START.plus(Duration.ofSeconds(15L * sample));
    }
}
