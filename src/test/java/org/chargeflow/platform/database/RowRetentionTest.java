package org.chargeflow.platform.database;

import org.chargeflow.charger.ChargerEventProperties;
import org.chargeflow.charger.ChargerRepository;
import org.chargeflow.meter.MeterProperties;
import org.chargeflow.meter.MeterSample;
import org.chargeflow.meter.MeterValueRepository;
import org.chargeflow.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Rows of a table with a retention go once a retention period has passed since they were stored, whatever time the
 * charger put on them: raw meter values and chargers' other reports.
 */
@IntegrationTest
class RowRetentionTest {

    private static final Duration RETENTION = Duration.ofDays(400);
    /** The checks run at the times the test gives (the application's own remove nothing in tests, see IntegrationTest). */
    private static final Instant FIRST_CHECK = Instant.parse("2020-01-01T00:00:00Z");
    private static final int OLDER_TRANSACTION = 990_001;
    private static final int NEWER_TRANSACTION = 990_002;
    private static final int SAMPLES = 5;
    private static final String REPORTING_CHARGER = "RETENTION-REPORTS";

    @Autowired
    MeterValueRepository meterValues;
    @Autowired
    ChargerRepository chargers;
    @Autowired
    @Qualifier("chargerEventRetention")
    RowRetention chargerEventRetention;
    @Autowired
    ChargerEventProperties chargerEventSettings;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeTestRows() {
        jdbc.update("DELETE FROM retention_mark");
        jdbc.update("DELETE FROM meter_value WHERE transaction_id IN (?, ?)", OLDER_TRANSACTION, NEWER_TRANSACTION);
        jdbc.update("DELETE FROM charger_event WHERE charger_id = ?", REPORTING_CHARGER);
    }

    @Test
    void valuesAreRemovedARetentionPeriodAfterTheCheckThatFirstSawThem() {
        // Two per delete: the five values of a transaction take three.
        var retention = new RowRetention(jdbc, "meter_value", RETENTION, 2);
        // Charger clocks can be anything: the older values claim to be from the future, the newer from the past.
        store(OLDER_TRANSACTION, Instant.parse("2031-05-01T12:00:00Z"));
        assertThat(retention.removeExpired(FIRST_CHECK)).isZero();
        store(NEWER_TRANSACTION, Instant.parse("2001-05-01T12:00:00Z"));

        assertThat(retention.removeExpired(FIRST_CHECK.plus(RETENTION).minusSeconds(60))).isZero();
        assertThat(meterValues.forTransaction(OLDER_TRANSACTION)).hasSize(SAMPLES);

        assertThat(retention.removeExpired(FIRST_CHECK.plus(RETENTION))).isGreaterThanOrEqualTo(SAMPLES);
        assertThat(meterValues.forTransaction(OLDER_TRANSACTION)).isEmpty();
        assertThat(meterValues.forTransaction(NEWER_TRANSACTION)).hasSize(SAMPLES);
        assertThat(marksUpTo("meter_value", FIRST_CHECK)).as("marks already used up").isZero();

        assertThat(retention.removeExpired(FIRST_CHECK.plus(RETENTION.multipliedBy(2)))).isGreaterThanOrEqualTo(SAMPLES);
        assertThat(meterValues.forTransaction(NEWER_TRANSACTION)).isEmpty();
    }

    @Test
    void chargerReportsGoByTheirOwnMarks() {
        chargers.recordReport(REPORTING_CHARGER, "DataTransfer", "{\"vendorId\":\"acme\"}", null, null).join();
        store(OLDER_TRANSACTION, FIRST_CHECK);
        // A mark of meter values old enough, and covering every id: the reports' checks must not go by it.
        jdbc.update("INSERT INTO retention_mark (table_name, marked_at, last_id) VALUES ('meter_value', ?, ?)",
                Timestamp.from(FIRST_CHECK.minus(Duration.ofDays(1))), Long.MAX_VALUE);
        Instant periodLater = FIRST_CHECK.plus(chargerEventSettings.eventRetention());

        assertThat(chargerEventRetention.removeExpired(FIRST_CHECK)).isZero();
        assertThat(chargerEventRetention.removeExpired(periodLater.minusSeconds(60))).isZero();
        assertThat(reports()).isEqualTo(1);

        assertThat(chargerEventRetention.removeExpired(periodLater)).isGreaterThanOrEqualTo(1);
        assertThat(reports()).isZero();
        assertThat(meterValues.forTransaction(OLDER_TRANSACTION)).as("meter values go by their own retention").hasSize(SAMPLES);
    }

    @Test
    void aRetentionThatIsNotPositiveIsRefusedByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MeterProperties(Duration.ZERO, Duration.ofHours(1)))
                .withMessageContaining("chargeflow.meter.retention");
        assertThatIllegalArgumentException().isThrownBy(() -> new MeterProperties(RETENTION, Duration.ofHours(-1)))
                .withMessageContaining("chargeflow.meter.retention-check");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChargerEventProperties(null, Duration.ofHours(1)))
                .withMessageContaining("chargeflow.charger.event-retention");
    }

    private void store(int transactionId, Instant sampledAt) {
        List<MeterSample> samples = IntStream.range(0, SAMPLES).mapToObj(i -> new MeterSample("RETENTION-1", 1,
                transactionId, sampledAt.plusSeconds(i), String.valueOf(1000 + i), "Sample.Periodic", "Raw",
                "Energy.Active.Import.Register", null, "Outlet", "Wh", 1000.0 + i)).toList();
        meterValues.store(samples).join();
    }

    private int reports() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM charger_event WHERE charger_id = ?", Integer.class, REPORTING_CHARGER);
    }

    private int marksUpTo(String table, Instant at) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM retention_mark WHERE table_name = ? AND marked_at <= ?",
                Integer.class, table, Timestamp.from(at));
    }
}
