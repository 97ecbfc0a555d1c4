package org.chargeflow.workflow;

import org.chargeflow.events.ChargerEvents;
import org.chargeflow.session.ChargingSession;
import org.chargeflow.session.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflow.workflow.SessionVariables.LIVE_ENERGY_KWH;
import static org.chargeflow.workflow.SessionVariables.LIVE_MINUTES;
import static org.chargeflow.workflow.SessionVariables.LIVE_POWER_KW;
import static org.chargeflow.workflow.SessionVariables.LIVE_PROGRESS_PERCENT;
import static org.chargeflow.workflow.SessionVariables.LIVE_READING_AT;

/**
 * The Charging task's figures exist from the session's start, so {@link LiveFigures} only updates them: a reading
 * never writes a figure the start did not create (an insert could meet the process ending, see LiveFigures).
 */
class LiveFigureKeysTest {

    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    private static final ChargerEvents.TransactionStarted STARTED =
            new ChargerEvents.TransactionStarted("CP-1", 1, 42, "TAG", true, 10_000, START);

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"20", "0.5"})
    void aReadingWritesOnlyFiguresTheStartCreated(BigDecimal energyCapKwh) {
        Map<String, Object> atStart = ChargerEventsToProcesses.started(STARTED, energyCapKwh);

        Map<String, Object> reading = ChargerEventsToProcesses.figures(session(energyCapKwh),
                new ChargerEvents.MeterReadings("CP-1", 1, 42, START.plusSeconds(900), 13_500.0, 11_000.0));

        assertThat(atStart).containsKeys(reading.keySet().toArray(String[]::new));
        assertThat(reading).containsKeys(LIVE_ENERGY_KWH, LIVE_POWER_KW, LIVE_MINUTES, LIVE_READING_AT);
        assertThat(reading.containsKey(LIVE_PROGRESS_PERCENT)).isEqualTo(energyCapKwh != null);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"20"})
    void theStartShowsNothingDeliveredYet(BigDecimal energyCapKwh) {
        Map<String, Object> atStart = ChargerEventsToProcesses.started(STARTED, energyCapKwh);

        assertThat(atStart).containsEntry(LIVE_ENERGY_KWH, 0.0).containsEntry(LIVE_POWER_KW, 0.0)
                .containsEntry(LIVE_MINUTES, 0L).containsEntry("transactionId", 42);
        if (energyCapKwh != null) {
            assertThat(atStart).containsEntry(LIVE_PROGRESS_PERCENT, 0L);
        }
    }

    @Test
    void progressIsTheShareOfTheTargetDelivered() {
        Map<String, Object> reading = ChargerEventsToProcesses.figures(session(new BigDecimal("20")),
                new ChargerEvents.MeterReadings("CP-1", 1, 42, START.plusSeconds(900), 15_000.0, null));

        assertThat(reading).containsEntry(LIVE_ENERGY_KWH, 5.0).containsEntry(LIVE_PROGRESS_PERCENT, 25L)
                .containsEntry(LIVE_MINUTES, 15L).doesNotContainKey(LIVE_POWER_KW);
    }

    private static ChargingSession session(BigDecimal energyCapKwh) {
        return new ChargingSession(7, "process-7", "CP-1", 1, 42, "TAG", ChargingSession.BY_OPERATOR, "test", null,
                energyCapKwh, SessionState.CHARGING, START, START, null, 10_000, null, null, null, null, null, null,
                null);
    }
}
