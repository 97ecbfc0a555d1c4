package org.chargeflow.workflow;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.chargeflow.platform.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the engine work that charger events cause (starting a session's process, correlating a message)
 * off the OCPP threads, so a charger's answer never waits for the engine; one charger's events still run
 * one after another, in the order they were published. At shutdown, what is queued is finished first.
 * <p>
 * Work that fails for a passing reason (another transaction changed the same process at the same time, a
 * deadlock, a lock wait, a row added meanwhile that refers to a row being deleted, or a lost connection) is
 * tried again a little later, before the charger's next event: otherwise a session would never learn that its
 * charger started or stopped.
 */
@Component
class ChargerLanes {

    private static final Logger log = LoggerFactory.getLogger(ChargerLanes.class);
    static final int ATTEMPTS = 5;
    private static final Duration FIRST_RETRY_AFTER = Duration.ofMillis(100);
    /** MariaDB's "lock wait timeout" and "deadlock": both roll back, so the work may simply run again. */
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DEADLOCK = 1213;
    /**
     * "Cannot delete a parent row": a process ending while another transaction adds a row that refers to it (a
     * variable, say); run again, the end sees that row too.
     */
    private static final int ROW_STILL_REFERENCED = 1451;
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);
    /** For work interrupted at the drain limit to end (a database call in progress does not end at once). */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final ExecutorService pool;
    private final Duration firstRetryAfter;
    private final Duration drainLimit;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    @Autowired
    ChargerLanes(@Value("${chargeflow.session.event-threads}") int threads) {
        this(threads, FIRST_RETRY_AFTER, DRAIN_LIMIT);
    }

    /** Each retry waits three times as long as the one before. */
    ChargerLanes(int threads, Duration firstRetryAfter, Duration drainLimit) {
        this.pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("charger-events-"));
        this.firstRetryAfter = firstRetryAfter;
        this.drainLimit = drainLimit;
    }

    void run(String chargerId, Runnable work) {
        tails.compute(chargerId, (id, tail) -> {
            CompletableFuture<Void> next = (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                    .thenComposeAsync(ignored -> attempt(id, work, 1), pool);
            next.whenComplete((done, failure) -> tails.remove(id, next));
            return next;
        });
    }

    private CompletableFuture<Void> attempt(String chargerId, Runnable work, int attempt) {
        try {
            work.run();
        } catch (RuntimeException e) {
            if (attempt < ATTEMPTS && passing(e)) {
                long wait = firstRetryAfter.toMillis() * (long) Math.pow(3, attempt - 1);
                log.warn("Handling an event of charger {} failed ({}); trying again in {} ms (attempt {} of {})",
                        chargerId, e.getMessage(), wait, attempt + 1, ATTEMPTS);
                return CompletableFuture.runAsync(() -> { },
                                CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS, pool))
                        .thenCompose(ignored -> attempt(chargerId, work, attempt + 1));
            }
            log.error("Handling an event of charger {} failed", chargerId, e);
        } catch (Error e) {
            // Logged here and the lane goes on: failed, this event would make the charger's queued events be skipped.
            log.error("Handling an event of charger {} failed", chargerId, e);
        }
        return CompletableFuture.completedFuture(null);
    }

    static boolean passing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException || cause instanceof TransientDataAccessException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLException sql
                    && (sql.getErrorCode() == LOCK_WAIT_TIMEOUT || sql.getErrorCode() == DEADLOCK
                    || sql.getErrorCode() == ROW_STILL_REFERENCED)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Before the engine and the database go away (bean destruction comes after this event). What is not done
     * within the limit is stopped, not left running into a closed database; the sessions catch up at the next
     * start (stops stored but not told, see {@link ChargerEventsToProcesses}).
     */
    @EventListener(ContextClosedEvent.class)
    void drain() throws InterruptedException {
        try {
            // Waits for the lanes themselves, not only the pool: a retry waiting for its turn is in no queue.
            CompletableFuture.allOf(tails.values().toArray(CompletableFuture[]::new))
                    .get(drainLimit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            log.warn("{} chargers' events were not all handled within {} s of shutdown: the rest are dropped, and"
                    + " the sessions catch up at the next start", tails.size(), drainLimit.toSeconds());
        } catch (ExecutionException e) {
            log.warn("Charger events could not all be handled at shutdown ({}): the rest are dropped, and the sessions"
                    + " catch up at the next start", e.getCause().toString());
        }
        pool.shutdownNow();
        if (!pool.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("Charger events still running {} s after they were told to stop", STOP_GRACE.toSeconds());
        }
    }

    /** True once {@link #drain} has stopped every lane: nothing runs any more. */
    boolean stopped() {
        return pool.isTerminated();
    }
}
