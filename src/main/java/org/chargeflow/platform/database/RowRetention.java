package org.chargeflow.platform.database;

import org.chargeflow.platform.BackgroundWork;
import org.chargeflow.platform.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Removes the rows of an append-only table once they were stored longer ago than a retention period; without it
 * such a table grows for ever and, once it outgrows the database's memory, slows every write.
 * <p>
 * At every check it notes where the table's ids stand ({@code retention_mark}), then deletes the rows up to the
 * newest mark older than the retention period, by primary-key range: no index on a time, no scan, and the time
 * a charger put on a row (its own clock's, which can be anything) plays no part. The deletes are small
 * transactions taking half of one thread's time at most, so chargers' writes never wait long for them. Rows
 * stored before the first check after an upgrade are kept a full period from then.
 */
public final class RowRetention implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RowRetention.class);
    private static final int ROWS_PER_DELETE = 5_000;
    /** Past a restart's reconnect storm, and soon enough for a node that is restarted often. */
    private static final Duration FIRST_CHECK_AFTER_START = Duration.ofMinutes(2);

    private final JdbcTemplate jdbc;
    private final String table;
    private final Duration retention;
    private final int rowsPerDelete;
    private ScheduledExecutorService remover;

    /** {@code table} must have a growing {@code id} primary key and only ever get rows appended. */
    public RowRetention(JdbcTemplate jdbc, String table, Duration retention) {
        this(jdbc, table, retention, ROWS_PER_DELETE);
    }

    RowRetention(JdbcTemplate jdbc, String table, Duration retention, int rowsPerDelete) {
        if (!table.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("Not a table name: " + table); // it becomes part of the statements
        }
        this.jdbc = jdbc;
        this.table = table;
        this.retention = retention;
        this.rowsPerDelete = rowsPerDelete;
    }

    /** Checks every {@code interval} on a thread of its own, the first time soon after the start. */
    public RowRetention checkEvery(Duration interval, Clock clock) {
        long every = interval.toMillis();
        long first = Math.min(every, FIRST_CHECK_AFTER_START.toMillis());
        remover = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(table.replace('_', '-') + "-retention-"));
        remover.scheduleWithFixedDelay(() -> removeExpiredSafely(clock), first, every, TimeUnit.MILLISECONDS);
        return this;
    }

    private void removeExpiredSafely(Clock clock) {
        try {
            long removed = removeExpired(clock.instant());
            if (removed > 0) {
                log.info("Removed {} rows of {} stored more than {} ago", removed, table, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Removing old rows of {} failed; the next check tries again: {}", table, e.getMessage());
        }
    }

    /** Notes where the ids stand at {@code now} and removes the rows older than the retention period; how many. */
    long removeExpired(Instant now) {
        jdbc.update("INSERT IGNORE INTO retention_mark (table_name, marked_at, last_id) SELECT ?, ?, MAX(id) FROM "
                + table + " HAVING MAX(id) IS NOT NULL", table, Timestamp.from(now));
        Timestamp cutoff = Timestamp.from(now.minus(retention));
        Long upTo = jdbc.queryForObject("SELECT MAX(last_id) FROM retention_mark WHERE table_name = ? AND marked_at <= ?",
                Long.class, table, cutoff);
        if (upTo == null) {
            return 0;
        }
        long removed = 0;
        while (true) {
            long began = System.nanoTime();
            int deleted = jdbc.update("DELETE FROM " + table + " WHERE id <= ? ORDER BY id LIMIT ?", upTo, rowsPerDelete);
            removed += deleted;
            if (deleted < rowsPerDelete) {
                jdbc.update("DELETE FROM retention_mark WHERE table_name = ? AND marked_at <= ?", table, cutoff);
                return removed;
            }
            if (!BackgroundWork.pauseAfterRound(System.nanoTime() - began)) {
                return removed; // stopping: the marks stay, and the next check goes on from here
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (remover != null) {
            remover.shutdownNow();
            remover.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** For the properties that set a retention: a period and a check interval must both be positive. */
    public static void requirePositive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive duration (e.g. 400d or 1h), not " + value);
        }
    }
}
