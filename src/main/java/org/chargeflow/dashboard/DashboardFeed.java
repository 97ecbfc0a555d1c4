package org.chargeflow.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chargeflow.events.ChargerEvents;
import org.chargeflow.ocpp.ChargerConnections;
import org.chargeflow.session.SessionEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Pushes the dashboard to the browsers that watch it (server-sent events). A new viewer gets a snapshot of
 * every charger and today's totals; after that, viewers get the widgets of the chargers that changed and the
 * totals when they changed, at most every {@link #PUSH_INTERVAL}.
 *
 * <p>Listeners only note which charger or session changed (the OCPP threads that publish must not wait);
 * one thread of its own reads those from the database and sends. Doing both on that thread keeps the order
 * right: a viewer's snapshot is read after the changes sent before it.
 */
@Component
class DashboardFeed implements SmartLifecycle {

    private static final Duration PUSH_INTERVAL = Duration.ofMillis(500);
    /** A stream ends after this, and the browser opens a new one: the login is checked again, the snapshot is fresh. */
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(5);
    /** Keeps proxies from closing a quiet stream, and finds viewers that are gone. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(DashboardFeed.class);

    record Snapshot(List<ChargerWidget> chargers, Totals totals) {
    }

    record Changes(List<ChargerWidget> chargers) {
    }

    private final DashboardRepository repository;
    private final ChargerConnections connections;
    private final ObjectMapper json;
    private final Clock clock;
    /** "Today" for the totals of chargers without a location. */
    private final ZoneId serverZone = ZoneId.systemDefault();
    private final Set<String> changedChargers = ConcurrentHashMap.newKeySet();
    private final Set<Long> changedSessions = ConcurrentHashMap.newKeySet();
    private final Queue<SseEmitter> joining = new ConcurrentLinkedQueue<>();
    private final List<SseEmitter> viewers = new CopyOnWriteArrayList<>();
    private volatile ScheduledExecutorService pusher;
    // Used by the pusher thread only:
    private Totals lastTotals;
    private Instant lastSent = Instant.EPOCH;

    DashboardFeed(DashboardRepository repository, ChargerConnections connections, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.connections = connections;
        this.json = json;
        this.clock = clock;
    }

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        emitter.onCompletion(() -> viewers.remove(emitter));
        emitter.onTimeout(emitter::complete);
        emitter.onError(failure -> viewers.remove(emitter));
        joining.add(emitter);
        ScheduledExecutorService running = pusher;
        if (running != null) {
            running.execute(this::pushSafely); // the snapshot now rather than at the next tick
        }
        return emitter;
    }

    @EventListener
    void connected(ChargerEvents.Connected e) {
        changedChargers.add(e.chargerId());
    }

    @EventListener
    void disconnected(ChargerEvents.Disconnected e) {
        changedChargers.add(e.chargerId());
    }

    @EventListener
    void statusChanged(ChargerEvents.ConnectorStatusChanged e) {
        changedChargers.add(e.chargerId());
    }

    /** After the commit, so that the push reads what changed (meter readings arrive already committed). */
    @TransactionalEventListener(fallbackExecution = true)
    void sessionChanged(SessionEvents.SessionChanged e) {
        changedSessions.add(e.sessionId());
    }

    private void pushSafely() {
        try {
            push();
        } catch (RuntimeException e) {
            // The next tick tries again; one failed read must not end the pushing.
            log.warn("Dashboard push failed: {}", e.toString());
        }
    }

    private void push() {
        Set<String> chargerIds = drain(changedChargers);
        Set<Long> sessionIds = drain(changedSessions);
        List<SseEmitter> newViewers = drain(joining).stream().toList();
        if (viewers.isEmpty() && newViewers.isEmpty()) {
            lastTotals = null;
            return;
        }
        if (!viewers.isEmpty()) {
            chargerIds.addAll(repository.chargersOfSessions(sessionIds));
            if (!chargerIds.isEmpty()) {
                broadcast("chargers", new Changes(widgets(repository.chargers(chargerIds))));
            }
            Instant now = clock.instant();
            if (lastTotals == null || !sessionIds.isEmpty() || !now.isBefore(lastTotals.validUntil())) {
                Totals totals = repository.totals(now, serverZone);
                if (!totals.equals(lastTotals)) {
                    lastTotals = totals;
                    broadcast("totals", totals);
                }
            }
            if (Duration.between(lastSent, clock.instant()).compareTo(KEEP_ALIVE) > 0) {
                viewers.forEach(viewer -> send(viewer, SseEmitter.event().comment("keep-alive")));
            }
        }
        if (!newViewers.isEmpty()) {
            lastTotals = repository.totals(clock.instant(), serverZone);
            String snapshot = write(new Snapshot(widgets(repository.all()), lastTotals));
            for (SseEmitter viewer : newViewers) {
                if (send(viewer, SseEmitter.event().name("snapshot").data(snapshot))) {
                    viewers.add(viewer);
                }
            }
        }
    }

    private List<ChargerWidget> widgets(List<ChargerSnapshot> chargers) {
        return chargers.stream().map(c -> ChargerWidget.of(c, connections.isConnected(c.id()))).toList();
    }

    private void broadcast(String name, Object payload) {
        String data = write(payload);
        viewers.forEach(viewer -> send(viewer, SseEmitter.event().name(name).data(data)));
    }

    /** False (and the viewer dropped) when the browser has gone away. */
    private boolean send(SseEmitter viewer, SseEmitter.SseEventBuilder event) {
        try {
            viewer.send(event);
            lastSent = clock.instant();
            return true;
        } catch (IOException | IllegalStateException gone) {
            viewers.remove(viewer);
            return false;
        }
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> Set<T> drain(Collection<T> changed) {
        Set<T> taken = new HashSet<>();
        for (var it = changed.iterator(); it.hasNext(); ) {
            taken.add(it.next());
            it.remove();
        }
        return taken;
    }

    @Override
    public void start() {
        pusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dashboard-push");
            thread.setDaemon(true);
            return thread;
        });
        pusher.scheduleWithFixedDelay(this::pushSafely, PUSH_INTERVAL.toMillis(), PUSH_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Ends the streams before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public void stop() {
        ScheduledExecutorService running = pusher;
        pusher = null;
        if (running != null) {
            running.shutdownNow();
        }
        List<SseEmitter> open = new ArrayList<>(viewers);
        open.addAll(drain(joining));
        viewers.clear();
        open.forEach(SseEmitter::complete);
    }

    @Override
    public boolean isRunning() {
        return pusher != null;
    }
}
