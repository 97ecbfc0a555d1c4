package org.chargeflow.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An OCPP-J 1.6 charge point for tests, built on the JDK WebSocket client so that it exercises the server
 * exactly like an outside charger would.
 *
 * <p>CALLs from the server land in {@link #inbox()} and are answered automatically: by the responder set with
 * {@link #onCall}, {@link #onCallError} or {@link #onCallIgnore}, else by a plausible default confirmation.
 */
public final class SimulatedCharger implements AutoCloseable {

    public static final String SUBPROTOCOL = "ocpp1.6";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** RFC 6455 reserves 1006 for a connection that ended without a close frame. */
    public static final int ABNORMAL_CLOSURE = 1006;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CALL = 2;
    private static final int CALL_RESULT = 3;
    private static final int CALL_ERROR = 4;

    private final String id;
    private final AtomicLong messageIds = new AtomicLong();
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<String> answersReceived = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final Object sendLock = new Object();
    private volatile Duration timeout = DEFAULT_TIMEOUT;
    private volatile WebSocket socket;
    /** The JDK WebSocket rejects a send while another is outstanding, so every send waits for the previous one. */
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

    private SimulatedCharger(String id) {
        this.id = id;
    }

    // ---------------------------------------------------------------- connecting

    /** Connects as a well-behaved charger and insists that the server selected {@value #SUBPROTOCOL}. */
    public static SimulatedCharger connect(URI serverBase, String id, String password) {
        SimulatedCharger charger = connect(serverBase, id, List.of(SUBPROTOCOL), basic(id, password));
        if (!SUBPROTOCOL.equals(charger.subprotocol())) {
            charger.abort();
            throw new HandshakeRefused("The server accepted " + id + " but selected subprotocol '"
                    + charger.subprotocol() + "' instead of " + SUBPROTOCOL, HandshakeRefused.NO_STATUS);
        }
        return charger;
    }

    /**
     * Connects with exactly the given subprotocols and Authorization header value ({@code null}: none), for tests
     * that probe the handshake. Throws {@link HandshakeRefused} when the server refuses.
     */
    public static SimulatedCharger connect(URI serverBase, String id, List<String> subprotocols, String authorization) {
        try {
            return connectAsync(DefaultClient.INSTANCE, serverBase, id, subprotocols, authorization)
                    .get(DEFAULT_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof HandshakeRefused refused ? refused
                    : new HandshakeRefused("Could not connect " + id + ": " + e.getCause(), HandshakeRefused.NO_STATUS);
        } catch (TimeoutException e) {
            throw new HandshakeRefused("No handshake answer for " + id + " within " + DEFAULT_TIMEOUT.multipliedBy(2),
                    HandshakeRefused.NO_STATUS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The HTTP status the server answers this handshake with: 101 when it accepts (the connection is closed again
     * at once), else the refusal's status. Throws {@link HandshakeRefused} if no HTTP answer came at all.
     */
    public static int handshakeStatus(URI serverBase, String id, String authorization, List<String> subprotocols) {
        try (SimulatedCharger accepted = connect(serverBase, id, subprotocols, authorization)) {
            return 101;
        } catch (HandshakeRefused refused) {
            if (refused.statusCode() == HandshakeRefused.NO_STATUS) {
                throw refused;
            }
            return refused.statusCode();
        }
    }

    /** Connects without blocking; the future fails with {@link HandshakeRefused} when the server refuses. */
    private static CompletableFuture<SimulatedCharger> connectAsync(HttpClient client, URI serverBase, String id,
                                                                    List<String> subprotocols, String authorization) {
        SimulatedCharger charger = new SimulatedCharger(id);
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(DEFAULT_TIMEOUT);
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.buildAsync(endpoint(serverBase, id), charger.new Listener())
                .handle((socket, failure) -> {
                    if (failure != null) {
                        throw refusal(id, failure);
                    }
                    charger.socket = socket;
                    return charger;
                });
    }

    /** One client for every simulated charger, created on first use. */
    private static final class DefaultClient {
        static final HttpClient INSTANCE = HttpClient.newHttpClient();
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static URI endpoint(URI serverBase, String id) {
        String basePath = serverBase.getPath() == null ? "" : serverBase.getPath().replaceAll("/+$", "");
        try {
            // The multi-argument constructor percent-encodes whatever an id contains that a path may not.
            return new URI(serverBase.getScheme(), serverBase.getAuthority(), basePath + "/ocpp/" + id, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("No WebSocket address for charger " + id + " under " + serverBase, e);
        }
    }

    private static HandshakeRefused refusal(String id, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof WebSocketHandshakeException handshake) {
            int status = handshake.getResponse().statusCode();
            return new HandshakeRefused("The server refused the handshake of " + id + " with HTTP " + status, status);
        }
        return new HandshakeRefused("Could not connect " + id + ": " + cause, HandshakeRefused.NO_STATUS);
    }

    /** Why a handshake failed; {@link #statusCode()} is the HTTP status when the server answered at all. */
    public static final class HandshakeRefused extends RuntimeException {
        public static final int NO_STATUS = -1;
        private final int statusCode;

        HandshakeRefused(String message, int statusCode) {
            super(message);
            this.statusCode = statusCode;
        }

        public int statusCode() {
            return statusCode;
        }
    }

    // ---------------------------------------------------------------- calls from the charger

    public String id() {
        return id;
    }

    /** The subprotocol the server selected; empty if it selected none. */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /** How long {@link #call} and friends wait for an answer. */
    public SimulatedCharger timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Sends a CALL and returns the whole answer frame: {@code [3,id,payload]} or {@code [4,id,code,text,details]}. */
    public JsonNode call(String action, String payloadJson) {
        return await(callAsync(action, payloadJson), action);
    }

    public CompletableFuture<JsonNode> callAsync(String action, String payloadJson) {
        return callAsync(action, parse(payloadJson));
    }

    private CompletableFuture<JsonNode> callAsync(String action, JsonNode payload) {
        String messageId = nextMessageId();
        return expectAnswer(messageId, callFrame(messageId, action, payload));
    }

    /**
     * Sends any text and returns the answer frame carrying {@code expectedMessageId}; the server answers frames it
     * cannot read with message id {@code "-1"}.
     */
    public JsonNode sendRaw(String text, String expectedMessageId) {
        return await(expectAnswer(expectedMessageId, text), "raw frame " + text);
    }

    /**
     * Sends any text and waits until it is written. The server may drop the connection over this very frame
     * (one that is too big, say), so a lost connection is no failure here: {@link #closed()} tells the test.
     */
    public void sendRawNoReply(String text) {
        awaitWrittenOrClosed(send(wholeText(text)), "sending a raw frame");
    }

    /** Sends a binary frame, which OCPP-J does not use, and waits until it is written (see {@link #sendRawNoReply}). */
    public void sendBinaryNoReply(byte[] data) {
        awaitWrittenOrClosed(send(ws -> ws.sendBinary(ByteBuffer.wrap(data), true)), "sending a binary frame");
    }

    private void awaitWrittenOrClosed(CompletableFuture<?> sending, String what) {
        await(sending.exceptionally(failure -> {
            if (unwrap(failure) instanceof IOException) {
                return null;
            }
            throw new CompletionException(failure);
        }), what);
    }

    /**
     * Sends a CALL as a text message in WebSocket fragments (a text frame and continuation frames), as a charger
     * may send a long message, and returns the whole answer frame.
     */
    public JsonNode callInFragments(String action, String payloadJson, int fragments) {
        String messageId = nextMessageId();
        return await(expectAnswer(messageId, inFragments(callFrame(messageId, action, parse(payloadJson)), fragments)),
                action + " in fragments");
    }

    /** Sends a CALL in WebSocket fragments and waits until it is written (see {@link #sendRawNoReply}). */
    public void callInFragmentsNoReply(String action, String payloadJson, int fragments) {
        String frame = callFrame(nextMessageId(), action, parse(payloadJson));
        awaitWrittenOrClosed(send(inFragments(frame, fragments)), "sending " + action + " in fragments");
    }

    private static Function<WebSocket, CompletableFuture<WebSocket>> inFragments(String text, int fragments) {
        int size = (text.length() + fragments - 1) / fragments;
        return ws -> {
            CompletableFuture<WebSocket> sent = CompletableFuture.completedFuture(ws);
            for (int start = 0; start < text.length(); start += size) {
                String fragment = text.substring(start, Math.min(text.length(), start + size));
                boolean last = start + size >= text.length();
                sent = sent.thenCompose(socket -> socket.sendText(fragment, last));
            }
            return sent;
        };
    }

    private String nextMessageId() {
        return Long.toString(messageIds.incrementAndGet());
    }

    private static String callFrame(String messageId, String action, JsonNode payload) {
        return JSON.createArrayNode().add(CALL).add(messageId).add(action).add(payload).toString();
    }

    private CompletableFuture<JsonNode> expectAnswer(String messageId, String frame) {
        return expectAnswer(messageId, wholeText(frame));
    }

    private CompletableFuture<JsonNode> expectAnswer(String messageId, Function<WebSocket, CompletableFuture<WebSocket>> frames) {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        // Registered before sending: the answer may arrive before the send future completes.
        if (pending.putIfAbsent(messageId, answer) != null) {
            throw new IllegalStateException(id + " is already waiting for an answer with message id " + messageId);
        }
        answer.whenComplete((frameOrNull, failure) -> pending.remove(messageId, answer));
        send(frames).whenComplete((sent, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            }
        });
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public JsonNode bootNotification() {
        return payloadOf(call("BootNotification", Payloads.bootNotification()), "BootNotification");
    }

    public JsonNode heartbeat() {
        return payloadOf(call("Heartbeat", Payloads.heartbeat()), "Heartbeat");
    }

    public JsonNode statusNotification(int connectorId, String status) {
        return payloadOf(call("StatusNotification", Payloads.statusNotification(connectorId, status, Instant.now())),
                "StatusNotification");
    }

    public JsonNode authorize(String idTag) {
        return payloadOf(call("Authorize", Payloads.authorize(idTag)), "Authorize");
    }

    public JsonNode startTransaction(int connectorId, String idTag, int meterStartWh, Instant timestamp) {
        return payloadOf(call("StartTransaction", Payloads.startTransaction(connectorId, idTag, meterStartWh, timestamp)),
                "StartTransaction");
    }

    /** {@code reason} may be {@code null}: OCPP then means Local. */
    public JsonNode stopTransaction(int transactionId, int meterStopWh, Instant timestamp, String reason) {
        return payloadOf(call("StopTransaction", Payloads.stopTransaction(transactionId, meterStopWh, timestamp, reason)),
                "StopTransaction");
    }

    /** {@code transactionId} may be {@code null} for readings outside a transaction. */
    public JsonNode meterValues(int connectorId, Integer transactionId, int energyWh, double powerW) {
        return payloadOf(call("MeterValues", Payloads.meterValues(connectorId, transactionId, energyWh, powerW, Instant.now())),
                "MeterValues");
    }

    private static JsonNode payloadOf(JsonNode frame, String action) {
        if (frame.get(0).asInt() != CALL_RESULT) {
            throw new IllegalStateException(action + " was answered with " + frame);
        }
        return frame.get(2);
    }

    private <T> T await(CompletableFuture<T> future, String what) {
        try {
            // The futures carry their own timeout; this bound only guards against a future that never completes.
            return future.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new IllegalStateException(id + ": no answer to " + what + " within " + timeout, e.getCause());
            }
            throw new IllegalStateException(id + ": " + what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(id + ": " + what + " did not finish within " + timeout.multipliedBy(2), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- calls from the server

    /** Every CALL frame the server sent, in arrival order, until {@link #awaitCall} takes it out. */
    /** The message ids of the CALLRESULTs and CALLERRORs received, in the order they arrived. */
    public List<String> answersReceived() {
        return List.copyOf(answersReceived);
    }

    public BlockingQueue<JsonNode> inbox() {
        return inbox;
    }

    /** Takes the oldest received CALL of this action out of the inbox, waiting for one if need be. */
    public JsonNode awaitCall(String action, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (inbox) {
            while (true) {
                for (JsonNode frame : inbox) {
                    if (action.equals(frame.get(2).asText()) && inbox.remove(frame)) {
                        return frame;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed.isDone()) {
                    throw new IllegalStateException(id + " received no " + action
                            + (closed.isDone() ? " before the connection closed" : " within " + timeout)
                            + "; inbox holds " + inbox);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(inbox, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Answers this action with a CALLRESULT whose payload the responder makes from the request payload. */
    public SimulatedCharger onCall(String action, Function<JsonNode, String> responder) {
        answers.put(action, (messageId, payload) -> result(messageId, parse(responder.apply(payload))));
        return this;
    }

    public SimulatedCharger onCallError(String action, String errorCode, String description) {
        answers.put(action, (messageId, payload) -> error(messageId, errorCode, description));
        return this;
    }

    /** Leaves this action unanswered, so tests can watch the server time out. */
    public SimulatedCharger onCallIgnore(String action) {
        answers.put(action, (messageId, payload) -> null);
        return this;
    }

    /** Makes the answer frame for one CALL, or {@code null} to stay silent. */
    @FunctionalInterface
    private interface Answer {
        String frame(String messageId, JsonNode payload);
    }

    private void receive(String text) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(id + " received a frame that is not JSON: " + text, e);
        }
        int type = frame.path(0).asInt();
        String messageId = frame.path(1).asText();
        if (type == CALL_RESULT || type == CALL_ERROR) {
            answersReceived.add(messageId);
            CompletableFuture<JsonNode> answer = pending.get(messageId);
            if (answer != null) {
                answer.complete(frame);
            }
        } else if (type == CALL) {
            // Answer before filing: whatever a test sends after awaitCall then reaches the server after the answer.
            String reply = answer(messageId, frame.get(2).asText(), frame.get(3));
            if (reply != null) {
                send(wholeText(reply));
            }
            synchronized (inbox) {
                inbox.add(frame);
                inbox.notifyAll();
            }
        }
    }

    private String answer(String messageId, String action, JsonNode payload) {
        Answer custom = answers.get(action);
        try {
            return custom != null ? custom.frame(messageId, payload)
                    : result(messageId, defaultConfirmation(action, payload));
        } catch (RuntimeException e) {
            // A broken responder shows up in the test as the server seeing an InternalError.
            return error(messageId, "InternalError", "SimulatedCharger responder failed: " + e);
        }
    }

    private static JsonNode defaultConfirmation(String action, JsonNode request) {
        ObjectNode confirmation = JSON.createObjectNode();
        switch (action) {
            case "GetConfiguration" -> confirmation.putArray("configurationKey");
            case "GetLocalListVersion" -> confirmation.put("listVersion", 0);
            case "GetDiagnostics", "UpdateFirmware" -> {
                // Nothing in these confirmations is required.
            }
            case "GetCompositeSchedule" -> confirmation.put("status", "Accepted")
                    .put("connectorId", request.path("connectorId").asInt());
            default -> confirmation.put("status", "Accepted");
        }
        return confirmation;
    }

    private static String result(String messageId, JsonNode payload) {
        ArrayNode frame = JSON.createArrayNode().add(CALL_RESULT).add(messageId);
        frame.add(payload);
        return frame.toString();
    }

    private static String error(String messageId, String errorCode, String description) {
        ArrayNode frame = JSON.createArrayNode().add(CALL_ERROR).add(messageId).add(errorCode).add(description);
        frame.addObject();
        return frame.toString();
    }

    // ---------------------------------------------------------------- connection state

    public boolean isOpen() {
        return !closed.isDone() && !socket.isOutputClosed() && !socket.isInputClosed();
    }

    /** Completes with the close code once the connection has ended; {@value #ABNORMAL_CLOSURE} if it broke off. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    /** Starts a normal close; completes with the server's close code. */
    public CompletableFuture<Integer> closeAsync() {
        synchronized (sendLock) {
            lastSend = lastSend.handle((ignored, failure) -> null)
                    .thenCompose(ignored -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        }
        return closed;
    }

    /** Closes normally, and aborts if the server does not complete the close in time. */
    @Override
    public void close() {
        if (closed.isDone()) {
            return;
        }
        try {
            closeAsync().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            abort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
        }
    }

    /** Drops the TCP connection without a close frame, like a charger losing power. */
    public void abort() {
        socket.abort();
        ended(ABNORMAL_CLOSURE, "aborted by the test");
    }

    private void ended(int statusCode, String reason) {
        closed.complete(statusCode);
        IllegalStateException gone = new IllegalStateException(id + ": connection closed (" + statusCode + " " + reason + ")");
        pending.values().forEach(answer -> answer.completeExceptionally(gone));
        // Wake awaitCall so that it reports the missing call now rather than after its full timeout.
        synchronized (inbox) {
            inbox.notifyAll();
        }
    }

    private static Function<WebSocket, CompletableFuture<WebSocket>> wholeText(String text) {
        return ws -> ws.sendText(text, true);
    }

    /** One frame at a time: the JDK's WebSocket refuses a send while the previous one is being written. */
    private CompletableFuture<WebSocket> send(Function<WebSocket, CompletableFuture<WebSocket>> frame) {
        synchronized (sendLock) {
            CompletableFuture<WebSocket> sent = lastSend.handle((ignored, failure) -> null)
                    .thenCompose(ignored -> frame.apply(socket));
            lastSend = sent;
            return sent;
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON (use sendRaw for malformed frames): " + json, e);
        }
    }

    @Override
    public String toString() {
        return "SimulatedCharger[" + id + "]";
    }

    private final class Listener implements WebSocket.Listener {

        /** The JDK hands over long messages in parts. */
        private final StringBuilder message = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            // Set here as well as after the handshake: the server may send a CALL before buildAsync completes.
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String text = message.toString();
                message.setLength(0);
                receive(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended(ABNORMAL_CLOSURE, String.valueOf(error));
        }
    }

    /** OCPP 1.6 request payloads, shared with the load benchmark. */
    public static final class Payloads {

        private Payloads() {
        }

        public static String bootNotification() {
            return "{\"chargePointVendor\":\"ChargeFlow\",\"chargePointModel\":\"SimulatedCharger\"}";
        }

        public static String heartbeat() {
            return "{}";
        }

        public static String statusNotification(int connectorId, String status, Instant timestamp) {
            return JSON.createObjectNode().put("connectorId", connectorId).put("errorCode", "NoError")
                    .put("status", status).put("timestamp", timestamp(timestamp)).toString();
        }

        public static String authorize(String idTag) {
            return JSON.createObjectNode().put("idTag", idTag).toString();
        }

        public static String startTransaction(int connectorId, String idTag, int meterStartWh, Instant timestamp) {
            return JSON.createObjectNode().put("connectorId", connectorId).put("idTag", idTag)
                    .put("meterStart", meterStartWh).put("timestamp", timestamp(timestamp)).toString();
        }

        public static String stopTransaction(int transactionId, int meterStopWh, Instant timestamp, String reason) {
            ObjectNode payload = JSON.createObjectNode().put("transactionId", transactionId)
                    .put("meterStop", meterStopWh).put("timestamp", timestamp(timestamp));
            if (reason != null) {
                payload.put("reason", reason);
            }
            return payload.toString();
        }

        /** One periodic sample of the energy register (Wh) and the power (W). */
        public static String meterValues(int connectorId, Integer transactionId, int energyWh, double powerW,
                                         Instant timestamp) {
            ObjectNode payload = JSON.createObjectNode().put("connectorId", connectorId);
            if (transactionId != null) {
                payload.put("transactionId", transactionId);
            }
            ArrayNode samples = payload.putArray("meterValue").addObject().put("timestamp", timestamp(timestamp))
                    .putArray("sampledValue");
            samples.addObject().put("value", Integer.toString(energyWh)).put("context", "Sample.Periodic")
                    .put("measurand", "Energy.Active.Import.Register").put("unit", "Wh");
            samples.addObject().put("value", Double.toString(powerW)).put("context", "Sample.Periodic")
                    .put("measurand", "Power.Active.Import").put("unit", "W");
            return payload.toString();
        }

        /** Milliseconds are plenty, and keep the timestamps short like a real charger's. */
        private static String timestamp(Instant instant) {
            return instant.truncatedTo(ChronoUnit.MILLIS).toString();
        }
    }
}
