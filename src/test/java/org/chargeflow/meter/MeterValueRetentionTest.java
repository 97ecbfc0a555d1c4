package org.chargeflow.meter;

import org.chargeflow.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Raw meter values go once a retention period has passed since they were stored, whatever time the charger put on them. */
@IntegrationTest
class MeterValueRetentionTest {

    private static final Duration RETENTION = Duration.ofDays(400);
    /** The checks run at the times the test gives (the application's own are off in tests, see IntegrationTest). */
    private static final Instant FIRST_CHECK = Instant.parse("2020-01-01T00:00:00Z");
    private static final int OLDER_TRANSACTION = 990_001;
    private static final int NEWER_TRANSACTION = 990_002;
    private static final int SAMPLES = 5;

    @Autowired
    MeterValueRepository meterValues;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeMarks() {
        jdbc.update("DELETE FROM meter_value_mark WHERE marked_at < ?", Timestamp.from(Instant.parse("2023-01-01T00:00:00Z")));
        jdbc.update("DELETE FROM meter_value WHERE transaction_id IN (?, ?)", OLDER_TRANSACTION, NEWER_TRANSACTION);
    }

    @Test
    void valuesAreRemovedARetentionPeriodAfterTheCheckThatFirstSawThem() {
        // Two per delete: the five values of a transaction take three.
        var retention = new MeterValueRetention(jdbc, RETENTION, 2);
        // Charger clocks can be anything: the older values claim to be from the future, the newer from the past.
        store(OLDER_TRANSACTION, Instant.parse("2031-05-01T12:00:00Z"));
        assertThat(retention.removeExpired(FIRST_CHECK)).isZero();
        store(NEWER_TRANSACTION, Instant.parse("2001-05-01T12:00:00Z"));

        assertThat(retention.removeExpired(FIRST_CHECK.plus(RETENTION).minusSeconds(60))).isZero();
        assertThat(meterValues.forTransaction(OLDER_TRANSACTION)).hasSize(SAMPLES);

        assertThat(retention.removeExpired(FIRST_CHECK.plus(RETENTION))).isGreaterThanOrEqualTo(SAMPLES);
        assertThat(meterValues.forTransaction(OLDER_TRANSACTION)).isEmpty();
        assertThat(meterValues.forTransaction(NEWER_TRANSACTION)).hasSize(SAMPLES);
        assertThat(marksUpTo(FIRST_CHECK)).as("marks already used up").isZero();

        assertThat(retention.removeExpired(FIRST_CHECK.plus(RETENTION.multipliedBy(2)))).isGreaterThanOrEqualTo(SAMPLES);
        assertThat(meterValues.forTransaction(NEWER_TRANSACTION)).isEmpty();
    }

    @Test
    void aRetentionThatIsNotPositiveIsRefusedByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MeterProperties(Duration.ZERO, Duration.ofHours(1)))
                .withMessageContaining("chargeflow.meter.retention");
        assertThatIllegalArgumentException().isThrownBy(() -> new MeterProperties(RETENTION, Duration.ofHours(-1)))
                .withMessageContaining("chargeflow.meter.retention-check");
    }

    private void store(int transactionId, Instant sampledAt) {
        List<MeterSample> samples = IntStream.range(0, SAMPLES).mapToObj(i -> new MeterSample("RETENTION-1", 1,
                transactionId, sampledAt.plusSeconds(i), String.valueOf(1000 + i), "Sample.Periodic", "Raw",
                "Energy.Active.Import.Register", null, "Outlet", "Wh", 1000.0 + i)).toList();
        meterValues.store(samples).join();
    }

    private int marksUpTo(Instant at) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM meter_value_mark WHERE marked_at <= ?", Integer.class,
                Timestamp.from(at));
    }
}
