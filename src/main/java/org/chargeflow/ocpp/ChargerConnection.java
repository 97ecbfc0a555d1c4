package org.chargeflow.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One charger's live WebSocket. Inbound calls are processed one after another (in arrival order) on
 * the worker pool; outbound calls go out one at a time, as OCPP-J requires, the rest wait in a
 * bounded queue.
 */
final class ChargerConnection {

    private static final Logger log = LoggerFactory.getLogger(ChargerConnection.class);

    private final String chargerId;
    private final WebSocketSession session;
    private final Duration heartbeatInterval;
    private final Executor workers;
    private final ScheduledExecutorService timer;
    private final OcppProperties limits;
    private final TextMessageParts incomingText;

    private volatile Instant lastSeen;
    private volatile boolean lastSeenStored = true;
    private volatile Instant lastPing;

    private CompletableFuture<Void> inboundTail = CompletableFuture.completedFuture(null);
    private final AtomicInteger pendingInbound = new AtomicInteger();

    private final Deque<OutboundCall> queuedCalls = new ArrayDeque<>();
    private OutboundCall callInFlight;
    private boolean closed;

    ChargerConnection(String chargerId, WebSocketSession session, Duration heartbeatInterval, Executor workers,
                      ScheduledExecutorService timer, OcppProperties limits, Instant now) {
        this.chargerId = chargerId;
        this.session = session;
        this.heartbeatInterval = heartbeatInterval;
        this.workers = workers;
        this.timer = timer;
        this.limits = limits;
        this.incomingText = new TextMessageParts(limits.maxFrameBytes());
        this.lastSeen = now;
        this.lastPing = now;
    }

    String chargerId() {
        return chargerId;
    }

    String sessionId() {
        return session.getId();
    }

    /** Parts of the text message being received; only the WebSocket's reading thread touches them. */
    TextMessageParts incomingText() {
        return incomingText;
    }

    Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    void seen(Instant now) {
        lastSeen = now;
        lastSeenStored = false;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    /** The last-seen time if it has not been stored yet; marks it stored. */
    Instant takeUnstoredLastSeen() {
        if (lastSeenStored) {
            return null;
        }
        lastSeenStored = true;
        return lastSeen;
    }

    /** Storing the time taken last failed: the next round stores it (or a newer one) again. */
    void lastSeenNotStored() {
        lastSeenStored = false;
    }

    boolean silentSince(Instant threshold) {
        return lastSeen.isBefore(threshold);
    }

    void pingIfDue(Instant now, Duration every) {
        if (every.isZero() || Duration.between(lastPing, now).compareTo(every) < 0 || !session.isOpen()) {
            return;
        }
        lastPing = now;
        try {
            session.sendMessage(new PingMessage());
        } catch (IOException | IllegalStateException e) {
            log.debug("Ping to {} failed: {}", chargerId, e.getMessage());
        }
    }

    /**
     * Runs {@code work} after the previous inbound call of this charger has been answered.
     * False when too many are already waiting: the caller answers with an error instead.
     */
    boolean processInOrder(Supplier<CompletableFuture<Void>> work) {
        if (pendingInbound.incrementAndGet() > limits.maxPendingInbound()) {
            pendingInbound.decrementAndGet();
            return false;
        }
        synchronized (this) {
            inboundTail = inboundTail
                    .thenComposeAsync(ignored -> work.get(), workers)
                    .handle((ignored, failure) -> {
                        pendingInbound.decrementAndGet();
                        if (failure != null) {
                            log.error("Processing a message from {} failed", chargerId, failure);
                        }
                        return null;
                    });
        }
        return true;
    }

    void send(String text) {
        try {
            session.sendMessage(new TextMessage(text));
        } catch (IOException | IllegalStateException e) {
            log.info("Could not send to {}: {}", chargerId, e.getMessage());
        }
    }

    /** Queues a call; the future completes with the CALLRESULT payload, or fails. */
    CompletableFuture<JsonNode> call(String action, Function<String, String> frameForMessageId) {
        OutboundCall call = new OutboundCall(UUID.randomUUID().toString(), action, frameForMessageId,
                new CompletableFuture<>());
        synchronized (this) {
            if (closed) {
                call.result().completeExceptionally(new ChargerNotConnectedException(chargerId, action));
            } else if (callInFlight == null) {
                start(call);
            } else if (queuedCalls.size() >= limits.maxQueuedCalls()) {
                call.result().completeExceptionally(new ChargerCallException("TooManyCalls", "Charger " + chargerId
                        + " already has " + queuedCalls.size() + " calls waiting: " + action + " refused"));
            } else {
                queuedCalls.add(call);
            }
        }
        return call.result();
    }

    private void start(OutboundCall call) {
        callInFlight = call;
        long timeoutMillis = limits.callTimeout().toMillis();
        ScheduledFuture<?> timeout = timer.schedule(() -> finish(call.messageId(), c -> c.result().completeExceptionally(
                new ChargerCallException("Timeout", "Charger " + chargerId + " did not answer " + call.action()
                        + " within " + limits.callTimeout().toSeconds() + " s"))), timeoutMillis, TimeUnit.MILLISECONDS);
        call.result().whenComplete((r, e) -> timeout.cancel(false));
        workers.execute(() -> send(call.frame().apply(call.messageId())));
    }

    /** A CALLRESULT arrived; false if it answers no call in flight (late or unknown id). */
    boolean answered(String messageId, JsonNode payload) {
        return finish(messageId, c -> c.result().complete(payload));
    }

    boolean failed(String messageId, String errorCode, String description) {
        return finish(messageId, c -> c.result().completeExceptionally(new ChargerCallException(errorCode,
                "Charger " + chargerId + " refused " + c.action() + ": " + errorCode
                        + (description.isBlank() ? "" : " (" + description + ")"))));
    }

    private boolean finish(String messageId, Consumer<OutboundCall> outcome) {
        OutboundCall done;
        synchronized (this) {
            if (callInFlight == null || !callInFlight.messageId().equals(messageId)) {
                return false;
            }
            done = callInFlight;
            callInFlight = null;
            OutboundCall next = queuedCalls.poll();
            if (next != null) {
                start(next);
            }
        }
        outcome.accept(done);
        return true;
    }

    /** The connection is gone: every waiting call fails fast. */
    void closed() {
        Deque<OutboundCall> abandoned;
        synchronized (this) {
            closed = true;
            abandoned = new ArrayDeque<>(queuedCalls);
            if (callInFlight != null) {
                abandoned.addFirst(callInFlight);
                callInFlight = null;
            }
            queuedCalls.clear();
        }
        abandoned.forEach(c -> c.result().completeExceptionally(new ChargerNotConnectedException(chargerId, c.action())));
    }

    void close(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException e) {
            log.debug("Closing {} failed: {}", chargerId, e.getMessage());
        }
    }

    private record OutboundCall(String messageId, String action, Function<String, String> frame,
                                CompletableFuture<JsonNode> result) {
    }
}
