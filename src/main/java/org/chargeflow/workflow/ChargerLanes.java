package org.chargeflow.workflow;

import org.chargeflow.platform.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs the engine work that charger events cause (starting a session's process, correlating a message)
 * off the OCPP threads, so a charger's answer never waits for the engine; one charger's events still run
 * one after another, in the order they were published. At shutdown, what is queued is finished first.
 */
@Component
class ChargerLanes {

    private static final Logger log = LoggerFactory.getLogger(ChargerLanes.class);

    private final ExecutorService pool;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    ChargerLanes(@Value("${chargeflow.session.event-threads}") int threads) {
        this.pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("charger-events-"));
    }

    void run(String chargerId, Runnable work) {
        tails.compute(chargerId, (id, tail) -> {
            CompletableFuture<Void> next = (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                    .thenRunAsync(() -> runLogged(id, work), pool);
            next.whenComplete((done, failure) -> tails.remove(id, next));
            return next;
        });
    }

    private static void runLogged(String chargerId, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("Handling an event of charger {} failed", chargerId, e);
        }
    }

    /** Before the engine and the database go away (bean destruction comes after this event). */
    @EventListener(ContextClosedEvent.class)
    void drain() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("Charger events still queued at shutdown were dropped; the sessions catch up at the next start");
        }
    }
}
