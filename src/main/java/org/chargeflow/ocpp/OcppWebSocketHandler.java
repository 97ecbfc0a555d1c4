package org.chargeflow.ocpp;

import org.chargeflow.charger.ChargerCredentials;
import org.chargeflow.charger.ChargerRepository;
import org.chargeflow.events.ChargerEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/** The OCPP-J endpoint: connection lifecycle and routing of frames; the protocol work is in {@link CentralSystem}. */
@Component
class OcppWebSocketHandler extends TextWebSocketHandler implements SubProtocolCapable {

    private static final Logger log = LoggerFactory.getLogger(OcppWebSocketHandler.class);
    private static final String CONNECTION = "chargeflow.connection";
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int SEND_BUFFER_LIMIT_BYTES = 512 * 1024;

    private final ChargerConnections connections;
    private final CentralSystem centralSystem;
    private final ChargerRepository chargers;
    private final ApplicationEventPublisher events;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final OcppProperties properties;
    private final Clock clock;

    OcppWebSocketHandler(ChargerConnections connections, CentralSystem centralSystem, ChargerRepository chargers,
                         ApplicationEventPublisher events, @Qualifier("ocppWorkers") ExecutorService workers,
                         @Qualifier("ocppTimer") ScheduledExecutorService timer, OcppProperties properties, Clock clock) {
        this.connections = connections;
        this.centralSystem = centralSystem;
        this.chargers = chargers;
        this.events = events;
        this.workers = workers;
        this.timer = timer;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public List<String> getSubProtocols() {
        return List.of(ChargerHandshakeInterceptor.SUBPROTOCOL);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        ChargerCredentials charger = (ChargerCredentials) session.getAttributes().get(ChargerHandshakeInterceptor.CHARGER);
        Instant now = clock.instant();
        var safeSession = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT_BYTES);
        var connection = new ChargerConnection(charger.id(), safeSession,
                Duration.ofSeconds(charger.heartbeatIntervalSeconds()), workers, timer, properties, now);
        session.getAttributes().put(CONNECTION, connection);
        connections.add(connection);
        log.info("Charger {} connected from {}", charger.id(), session.getRemoteAddress());
        chargers.setOnline(charger.id(), true, now)
                .thenRunAsync(() -> events.publishEvent(new ChargerEvents.Connected(charger.id(), now)), workers);
    }

    /** Tomcat's text buffer is small (see {@link OcppWebSocketConfiguration}): larger messages come in parts. */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage part) {
        ChargerConnection connection = connection(session);
        connection.seen(clock.instant());
        TextMessageParts parts = connection.incomingText();
        if (parts.refused()) {
            return; // the rest of a message over the limit: the connection is closing
        }
        String payload = part.getPayload();
        if (!parts.fits(payload.length())) {
            parts.refuse();
            log.warn("Charger {} sent a text message over {} characters: closing the connection", connection.chargerId(),
                    parts.maxChars());
            connection.close(CloseStatus.TOO_BIG_TO_PROCESS.withReason("Text message over " + parts.maxChars() + " characters"));
            return;
        }
        String text = parts.add(payload, part.isLast());
        if (text == null) {
            return; // more parts to come
        }
        boolean accepted = connection.processInOrder(() -> centralSystem.process(connection, text));
        if (!accepted) {
            centralSystem.refuseOverload(connection, text);
        }
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        connection(session).seen(clock.instant());
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.info("Transport error on charger {}: {}", connection(session).chargerId(), exception.getMessage());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        ChargerConnection connection = connection(session);
        if (connection == null || !connections.remove(connection)) {
            return; // replaced by a newer connection, which is now the charger's state
        }
        Instant now = clock.instant();
        String reason = status.getReason() == null ? "closed (" + status.getCode() + ")" : status.getReason();
        log.info("Charger {} disconnected: {}", connection.chargerId(), reason);
        chargers.setOnline(connection.chargerId(), false, now).thenRunAsync(() -> events.publishEvent(
                new ChargerEvents.Disconnected(connection.chargerId(), now, reason)), workers);
    }

    private static ChargerConnection connection(WebSocketSession session) {
        return (ChargerConnection) session.getAttributes().get(CONNECTION);
    }
}
