package org.chargeflow.session;

import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.RecordedEvents;
import org.chargeflow.support.TestChargers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A charging session's latest reading on its row: the newest one wins, written about once a second. */
@IntegrationTest
class LatestReadingsTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Autowired
    LatestReadings readings;
    @Autowired
    SessionRepository sessions;
    @Autowired
    TestChargers chargers;
    @Autowired
    RecordedEvents events;

    @Test
    void theNewestReadingIsWrittenWithinAboutASecondAndAMissingPowerKeepsTheLastOne() {
        long id = session(SessionState.CHARGING);

        readings.record(id, 1_000.0, 7_000.0, T0);
        readings.record(id, 1_500.0, null, T0.plusSeconds(20));
        readings.record(id, 1_200.0, null, T0.plusSeconds(10)); // late: older than what is kept

        ChargingSession written = await().atMost(Duration.ofSeconds(5))
                .until(() -> sessions.find(id).orElseThrow(), s -> s.lastReadingAt() != null);
        assertThat(written.lastEnergyWh()).isEqualTo(1_500.0);
        assertThat(written.lastPowerW()).isEqualTo(7_000.0);
        assertThat(written.lastReadingAt()).isEqualTo(T0.plusSeconds(20));
        events.await(SessionEvents.SessionChanged.class, e -> e.sessionId() == id);
    }

    @Test
    void aReadingOlderThanTheWrittenOneChangesNothing() {
        long id = session(SessionState.CHARGING);
        readings.record(id, 2_000.0, 11_000.0, T0.plusSeconds(60));
        readings.write().join();

        readings.record(id, 1_900.0, 10_000.0, T0.plusSeconds(30));
        readings.write().join();

        ChargingSession s = sessions.find(id).orElseThrow();
        assertThat(s.lastEnergyWh()).isEqualTo(2_000.0);
        assertThat(s.lastPowerW()).isEqualTo(11_000.0);
        assertThat(s.lastReadingAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aSessionThatNoLongerChargesKeepsItsRowAsItIs() {
        long id = session(SessionState.STOPPING);
        readings.record(id, 3_000.0, 5_000.0, T0);
        readings.write().join();

        ChargingSession s = sessions.find(id).orElseThrow();
        assertThat(s.lastEnergyWh()).isNull();
        assertThat(s.lastReadingAt()).isNull();
    }

    private long session(SessionState state) {
        String chargerId = chargers.register("READINGS").id();
        return sessions.create(chargerId, 1, ChargingSession.BY_CHARGER, "test", null, null, state,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
