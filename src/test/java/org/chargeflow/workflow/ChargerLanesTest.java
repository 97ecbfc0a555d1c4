package org.chargeflow.workflow;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ChargerLanesTest {

    private final ChargerLanes lanes = new ChargerLanes(2, Duration.ofMillis(5), Duration.ofSeconds(30));
    private final List<String> handled = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        lanes.drain();
    }

    /** At shutdown the engine and the database go away next: work past the drain limit must not run into them. */
    @Test
    void workNotDoneWithinTheDrainLimitIsStopped() throws Exception {
        ChargerLanes closing = new ChargerLanes(2, Duration.ofMillis(5), Duration.ofMillis(200));
        CountDownLatch neverReleased = new CountDownLatch(1);
        closing.run("STUCK", () -> {
            try {
                neverReleased.await();
                handled.add("released");
            } catch (InterruptedException e) {
                handled.add("interrupted");
            }
        });
        closing.run("STUCK", () -> handled.add("next event"));

        closing.drain();

        assertThat(closing.stopped()).isTrue();
        assertThat(handled).containsExactly("interrupted");
    }

    @Test
    void workThatFailsForAPassingReasonIsTriedAgainBeforeTheChargersNextEvent() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        lanes.run("C1", () -> {
            handled.add("started, attempt " + attempts.incrementAndGet());
            if (attempts.get() < 3) {
                throw new OptimisticLockingException("the process changed meanwhile");
            }
        });
        lanes.run("C1", () -> handled.add("stopped"));

        awaitLane("C1");
        assertThat(handled)
                .containsExactly("started, attempt 1", "started, attempt 2", "started, attempt 3", "stopped");
    }

    @Test
    void workThatFailsForALastingReasonIsNotTriedAgainAndTheNextEventStillRuns() throws Exception {
        lanes.run("C1", () -> {
            handled.add("started");
            throw new DataIntegrityViolationException("no such connector");
        });
        lanes.run("C1", () -> handled.add("stopped"));

        awaitLane("C1");
        assertThat(handled).containsExactly("started", "stopped");
    }

    /** An Error (say, a stack overflow in a delegate) is not tried again, and must not make the charger's later events be skipped. */
    @Test
    void anErrorInOneEventDoesNotStopTheChargersLane() throws Exception {
        CountDownLatch queued = new CountDownLatch(1);
        lanes.run("C1", () -> {
            awaitQuietly(queued);
            handled.add("started");
            throw new StackOverflowError("deep in a delegate");
        });
        lanes.run("C1", () -> handled.add("stopped"));
        queued.countDown();

        awaitLane("C1");
        assertThat(handled).containsExactly("started", "stopped");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aPassingFailureThatNeverPassesIsGivenUpAfterTheLastAttempt() throws Exception {
        lanes.run("C1", () -> {
            handled.add("started");
            throw new ProcessEngineException("flush failed", new SQLTransactionRollbackException("Deadlock found"));
        });
        lanes.run("C1", () -> handled.add("stopped"));

        awaitLane("C1");
        assertThat(handled).hasSize(ChargerLanes.ATTEMPTS + 1).endsWith("stopped")
                .filteredOn("started"::equals).hasSize(ChargerLanes.ATTEMPTS);
    }

    @Test
    void aRetryingChargerDoesNotHoldUpTheOthers() throws Exception {
        CompletableFuture<Void> otherHandled = new CompletableFuture<>();
        AtomicInteger attempts = new AtomicInteger();
        lanes.run("SLOW", () -> {
            if (attempts.incrementAndGet() == 1) {
                otherHandled.join(); // fails only once the other charger's event is through
                throw new OptimisticLockingException("the process changed meanwhile");
            }
            handled.add("slow charger");
        });
        lanes.run("OTHER", () -> {
            handled.add("other charger");
            otherHandled.complete(null);
        });

        awaitLane("SLOW");
        assertThat(handled).containsExactly("other charger", "slow charger");
    }

    @Test
    void deadlocksLockWaitsAndLostConnectionsPassButConstraintViolationsDoNot() {
        assertThat(passing(new ProcessEngineException("x", new SQLException("Deadlock", "40001", 1213)))).isTrue();
        assertThat(passing(new RuntimeException(new SQLException("Lock wait timeout", "HY000", 1205)))).isTrue();
        assertThat(passing(new RuntimeException(new SQLRecoverableException("gone")))).isTrue();
        assertThat(passing(new ProcessEngineException("x", new SQLException("Cannot delete a parent row", "23000", 1451)))).isTrue();
        assertThat(passing(new ProcessEngineException("x", new SQLException("Duplicate", "23000", 1062)))).isFalse();
        assertThat(passing(new IllegalStateException("bug"))).isFalse();
    }

    private static boolean passing(RuntimeException failure) {
        return ChargerLanes.passing(failure);
    }

    private void awaitLane(String chargerId) throws Exception {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        lanes.run(chargerId, () -> reached.complete(null));
        reached.get(10, TimeUnit.SECONDS);
    }
}
