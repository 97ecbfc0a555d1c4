package org.chargeflow.meter;

import jakarta.annotation.PreDestroy;
import org.chargeflow.platform.BackgroundWork;
import org.chargeflow.platform.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Removes raw meter values once they are older than {@code chargeflow.meter.retention}; without it the table
 * grows by millions of rows a day and, once it outgrows the database's memory, slows every write.
 * <p>
 * At every check it notes where the table's ids stand ({@code meter_value_mark}), then deletes the values up to
 * the newest mark older than the retention period, by primary-key range: no index on a time, no scan. The
 * deletes are small transactions taking half of one thread's time at most, so chargers' writes never wait long
 * for them. Values stored before the first check after an upgrade are kept a full period from then.
 */
@Component
class MeterValueRetention {

    private static final Logger log = LoggerFactory.getLogger(MeterValueRetention.class);
    private static final int ROWS_PER_DELETE = 5_000;
    /** Past a restart's reconnect storm, and soon enough for a node that is restarted often. */
    private static final Duration FIRST_CHECK_AFTER_START = Duration.ofMinutes(2);

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final int rowsPerDelete;
    private final ScheduledExecutorService remover =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("meter-retention-"));

    @Autowired
    MeterValueRetention(JdbcTemplate jdbc, MeterProperties properties, Clock clock) {
        this(jdbc, properties.retention(), ROWS_PER_DELETE);
        long every = properties.retentionCheck().toMillis();
        long first = Math.min(every, FIRST_CHECK_AFTER_START.toMillis());
        remover.scheduleWithFixedDelay(() -> removeExpiredSafely(clock), first, every, TimeUnit.MILLISECONDS);
    }

    MeterValueRetention(JdbcTemplate jdbc, Duration retention, int rowsPerDelete) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.rowsPerDelete = rowsPerDelete;
    }

    private void removeExpiredSafely(Clock clock) {
        try {
            long removed = removeExpired(clock.instant());
            if (removed > 0) {
                log.info("Removed {} raw meter values stored more than {} ago", removed, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Removing old meter values failed; the next check tries again: {}", e.getMessage());
        }
    }

    /** Notes where the ids stand at {@code now} and removes the values older than the retention period; how many. */
    long removeExpired(Instant now) {
        jdbc.update("""
                INSERT IGNORE INTO meter_value_mark (marked_at, last_id)
                SELECT ?, MAX(id) FROM meter_value HAVING MAX(id) IS NOT NULL""", Timestamp.from(now));
        Timestamp cutoff = Timestamp.from(now.minus(retention));
        Long upTo = jdbc.queryForObject("SELECT MAX(last_id) FROM meter_value_mark WHERE marked_at <= ?", Long.class,
                cutoff);
        if (upTo == null) {
            return 0;
        }
        long removed = 0;
        while (true) {
            long began = System.nanoTime();
            int deleted = jdbc.update("DELETE FROM meter_value WHERE id <= ? ORDER BY id LIMIT ?", upTo, rowsPerDelete);
            removed += deleted;
            if (deleted < rowsPerDelete) {
                jdbc.update("DELETE FROM meter_value_mark WHERE marked_at <= ?", cutoff);
                return removed;
            }
            if (!BackgroundWork.pauseAfterRound(System.nanoTime() - began)) {
                return removed; // stopping: the marks stay, and the next check goes on from here
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        remover.shutdownNow();
        remover.awaitTermination(10, TimeUnit.SECONDS);
    }
}
