package org.chargeflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator's own WebSocket client: every simulated charger's connection on one selector thread, and
 * each frame written straight from the thread that sends it. The benchmark shares the box's two cores with the
 * server, and the JDK's WebSocket client (which the integration tests' {@code SimulatedCharger} uses) cost it
 * more than half a core at 5,000 msg/s, CPU the server then did not have (docs/BENCHMARKS.md).
 *
 * <p>Plain {@code ws://} after RFC 6455, no extensions: it masks what it sends, answers pings and closes, and
 * answers a CALL from the server with a CALLERROR NotSupported. An answer that does not come within the
 * timeout fails its future with a {@link TimeoutException}.
 */
final class BenchSockets implements AutoCloseable {

    private static final int NORMAL_CLOSURE = 1000;
    private static final int ABNORMAL_CLOSURE = 1006;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final String SUBPROTOCOL = "ocpp1.6";
    private static final int OP_CONTINUATION = 0x0;
    private static final int OP_TEXT = 0x1;
    private static final int OP_CLOSE = 0x8;
    private static final int OP_PING = 0x9;
    private static final int OP_PONG = 0xA;

    private final Selector selector;
    private final long answerTimeoutNanos;
    private final Queue<Runnable> loopTasks = new ConcurrentLinkedQueue<>();
    /**
     * Every call sent, in the order sent: with one timeout for all, the oldest deadline is always near the head, so
     * expiring answers looks at the calls that are due, not at every socket (a scan of 10,000 sockets ten times a
     * second took a tenth of the generator's CPU). Answered calls are dropped when they reach the head.
     */
    private final Queue<Deadline> deadlines = new ConcurrentLinkedQueue<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Thread loop;
    private volatile boolean running = true;

    BenchSockets(Duration answerTimeout) throws IOException {
        this.selector = Selector.open();
        this.answerTimeoutNanos = answerTimeout.toNanos();
        this.loop = new Thread(this::runLoop, "bench-sockets");
        loop.setDaemon(true);
        loop.start();
    }

    /** Opens a charger's connection; the future fails with the server's answer when the handshake is refused. */
    CompletableFuture<Socket> connect(URI webSocketBase, String chargerId, String authorization) {
        Socket socket = new Socket(chargerId, webSocketBase, authorization);
        onLoop(socket::open);
        return socket.opened;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        selector.wakeup();
        loop.join(TimeUnit.SECONDS.toMillis(5));
        sockets.forEach(Socket::abort);
    }

    private void onLoop(Runnable task) {
        loopTasks.add(task);
        selector.wakeup();
    }

    private void runLoop() {
        try {
            while (running) {
                selector.select(key -> ((Socket) key.attachment()).ready(key), 50);
                for (Runnable task; (task = loopTasks.poll()) != null; ) {
                    task.run();
                }
                expireAnswers(System.nanoTime());
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("The benchmark's socket loop failed: " + e);
            sockets.forEach(Socket::abort);
        }
    }

    private void expireAnswers(long now) {
        for (Deadline due = deadlines.peek(); due != null && now - due.nanos() > 0; due = deadlines.peek()) {
            deadlines.poll();
            CompletableFuture<JsonNode> unanswered = due.socket().pending.remove(due.messageId());
            if (unanswered != null) {
                unanswered.completeExceptionally(new TimeoutException("no answer in time"));
            }
        }
    }

    /** When a call's answer is due; message ids are never reused on a socket. Holds no answer, so none outlives its use. */
    private record Deadline(Socket socket, String messageId, long nanos) {
    }

    /** One charger's WebSocket. Reading happens on the loop thread only; sending from any thread. */
    final class Socket {

        private final String id;
        private final URI endpoint;
        private final String authorization;
        private final String handshakeKey;
        private final CompletableFuture<Socket> opened = new CompletableFuture<>();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final AtomicLong messageIds = new AtomicLong();
        /** Frames the socket could not take at once, oldest first; guarded by {@code this}. */
        private final ArrayDeque<ByteBuffer> unsent = new ArrayDeque<>();
        private SocketChannel channel;
        private volatile SelectionKey key;
        private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        private final ByteArrayOutputStream fragments = new ByteArrayOutputStream();
        private volatile boolean upgraded;
        private volatile boolean closeSent;

        private Socket(String id, URI webSocketBase, String authorization) {
            this.id = id;
            String basePath = webSocketBase.getPath() == null ? "" : webSocketBase.getPath().replaceAll("/+$", "");
            this.endpoint = webSocketBase.resolve(basePath + "/ocpp/" + id);
            this.authorization = authorization;
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            this.handshakeKey = Base64.getEncoder().encodeToString(nonce);
        }

        String id() {
            return id;
        }

        boolean isOpen() {
            return upgraded && !closeSent && !closed.isDone();
        }

        CompletableFuture<Integer> closed() {
            return closed;
        }

        /** Sends a CALL; completes with the answer frame, {@code [3,id,payload]} or {@code [4,id,code,text,details]}. */
        CompletableFuture<JsonNode> call(String action, String payloadJson) {
            String messageId = Long.toString(messageIds.incrementAndGet());
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            if (!isOpen()) {
                answer.completeExceptionally(new IllegalStateException("connection closed"));
                return answer;
            }
            pending.put(messageId, answer);
            deadlines.add(new Deadline(this, messageId, System.nanoTime() + answerTimeoutNanos));
            if (closed.isDone() && pending.remove(messageId) != null) {
                answer.completeExceptionally(new IllegalStateException("connection closed"));
                return answer;
            }
            sendText("[2,\"" + messageId + "\",\"" + action + "\"," + payloadJson + "]");
            return answer;
        }

        /** Starts a normal close; {@link #closed()} completes when the server has closed too. */
        CompletableFuture<Integer> closeAsync() {
            if (isOpen()) {
                closeSent = true;
                ByteBuffer reason = ByteBuffer.allocate(6).putShort((short) NORMAL_CLOSURE).put("done".getBytes(StandardCharsets.US_ASCII));
                send(frame(OP_CLOSE, reason.array()));
            }
            return closed;
        }

        /** Drops the TCP connection without a close frame. */
        void abort() {
            closeChannel();
            ended(ABNORMAL_CLOSURE, "aborted");
        }

        // ------------------------------------------------------------ loop thread

        private void open() {
            try {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                int port = endpoint.getPort() > 0 ? endpoint.getPort() : 80;
                boolean connected = channel.connect(new InetSocketAddress(endpoint.getHost(), port));
                key = channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
                sockets.add(this);
                if (connected) {
                    sendHandshake();
                }
            } catch (IOException e) {
                fail(e);
            }
        }

        private void ready(SelectionKey readyKey) {
            try {
                if (readyKey.isConnectable() && channel.finishConnect()) {
                    readyKey.interestOps(SelectionKey.OP_READ);
                    sendHandshake();
                }
                if (readyKey.isValid() && readyKey.isWritable()) {
                    writeUnsent();
                }
                if (readyKey.isValid() && readyKey.isReadable()) {
                    read();
                }
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }

        private void sendHandshake() {
            String path = endpoint.getRawPath();
            String request = "GET " + path + " HTTP/1.1\r\n"
                    + "Host: " + endpoint.getRawAuthority() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + handshakeKey + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: " + SUBPROTOCOL + "\r\n"
                    + "Authorization: " + authorization + "\r\n\r\n";
            send(ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1)));
        }

        private void read() throws IOException {
            if (!in.hasRemaining()) {
                in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
            int n = channel.read(in);
            if (n < 0) {
                closeChannel();
                ended(ABNORMAL_CLOSURE, "connection lost");
                return;
            }
            in.flip();
            if (!upgraded && !readHandshakeAnswer()) {
                in.compact();
                return;
            }
            while (readFrame()) {
                // one frame handled per round
            }
            in.compact();
        }

        /** Reads the HTTP answer to the upgrade once it is complete; false while more of it is to come. */
        private boolean readHandshakeAnswer() {
            String head = StandardCharsets.ISO_8859_1.decode(in.duplicate()).toString();
            int end = head.indexOf("\r\n\r\n");
            if (end < 0) {
                return false;
            }
            in.position(in.position() + end + 4);
            String[] lines = head.substring(0, end).split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            String status = statusLine.length > 1 ? statusLine[1] : "?";
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            if (!status.equals("101")) {
                throw new IllegalStateException("handshake refused: HTTP " + status);
            }
            if (!acceptFor(handshakeKey).equals(headers.get("sec-websocket-accept"))) {
                throw new IllegalStateException("handshake answer has a wrong Sec-WebSocket-Accept");
            }
            if (!SUBPROTOCOL.equals(headers.get("sec-websocket-protocol"))) {
                throw new IllegalStateException("server selected subprotocol " + headers.get("sec-websocket-protocol"));
            }
            upgraded = true;
            opened.complete(this);
            return true;
        }

        /** Handles the next whole frame in {@code in}; false when the buffer holds none. */
        private boolean readFrame() {
            if (in.remaining() < 2) {
                return false;
            }
            int start = in.position();
            int first = in.get(start) & 0xFF;
            int second = in.get(start + 1) & 0xFF;
            int lengthCode = second & 0x7F;
            int headerLength = lengthCode < 126 ? 2 : lengthCode == 126 ? 4 : 10;
            if (in.remaining() < headerLength) {
                return false;
            }
            long length = lengthCode < 126 ? lengthCode
                    : lengthCode == 126 ? in.getShort(start + 2) & 0xFFFF : in.getLong(start + 2);
            if (length > Integer.MAX_VALUE - headerLength) {
                throw new IllegalStateException("frame of " + length + " bytes");
            }
            if (in.remaining() < headerLength + length) {
                if (in.capacity() < headerLength + length) {
                    in = ByteBuffer.allocate((int) (headerLength + length)).put(in);
                    in.flip();
                }
                return false;
            }
            byte[] payload = new byte[(int) length];
            in.position(start + headerLength);
            in.get(payload);
            handleFrame(first & 0x0F, (first & 0x80) != 0, payload);
            return true;
        }

        private void handleFrame(int opcode, boolean fin, byte[] payload) {
            switch (opcode) {
                case OP_TEXT, OP_CONTINUATION -> {
                    fragments.writeBytes(payload);
                    if (fin) {
                        String text = fragments.toString(StandardCharsets.UTF_8);
                        fragments.reset();
                        receive(text);
                    }
                }
                case OP_PING -> send(frame(OP_PONG, payload));
                case OP_CLOSE -> {
                    int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : NORMAL_CLOSURE;
                    if (!closeSent) {
                        closeSent = true;
                        send(frame(OP_CLOSE, payload.length >= 2 ? new byte[]{payload[0], payload[1]} : new byte[0]));
                    }
                    closeChannel();
                    ended(code, "closed by the server");
                }
                default -> {
                    // pongs and binary frames carry nothing for a charger
                }
            }
        }

        private void receive(String text) {
            JsonNode frame;
            try {
                frame = JSON.readTree(text);
            } catch (IOException e) {
                throw new IllegalStateException("the server sent a frame that is not JSON: " + text, e);
            }
            String messageId = frame.path(1).asText();
            if (frame.path(0).asInt() == 2) {
                sendText("[4,\"" + messageId + "\",\"NotSupported\",\"The load generator answers no calls\",{}]");
                return;
            }
            CompletableFuture<JsonNode> answered = pending.remove(messageId);
            if (answered != null) {
                answered.complete(frame);
            }
        }

        private void writeUnsent() throws IOException {
            synchronized (this) {
                while (!unsent.isEmpty()) {
                    channel.write(unsent.peek());
                    if (unsent.peek().hasRemaining()) {
                        return;
                    }
                    unsent.poll();
                }
                key.interestOps(SelectionKey.OP_READ);
            }
        }

        // ------------------------------------------------------------ any thread

        private void sendText(String text) {
            send(frame(OP_TEXT, text.getBytes(StandardCharsets.UTF_8)));
        }

        private void send(ByteBuffer bytes) {
            try {
                synchronized (this) {
                    if (unsent.isEmpty()) {
                        channel.write(bytes);
                        if (!bytes.hasRemaining()) {
                            return;
                        }
                        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                        selector.wakeup();
                    }
                    unsent.add(bytes);
                }
            } catch (IOException e) {
                fail(e);
            }
        }

        private void fail(Exception e) {
            closeChannel();
            String reason = e instanceof ClosedChannelException ? "connection closed" : String.valueOf(e.getMessage());
            opened.completeExceptionally(new IllegalStateException(reason, e));
            ended(ABNORMAL_CLOSURE, reason);
        }

        private void closeChannel() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                // closing is all that was asked
            }
        }

        private void ended(int code, String reason) {
            sockets.remove(this);
            opened.completeExceptionally(new IllegalStateException(reason));
            closed.complete(code);
            IllegalStateException gone = new IllegalStateException("connection closed (" + code + " " + reason + ")");
            pending.values().forEach(call -> call.completeExceptionally(gone));
            pending.clear();
        }
    }

    /** A client frame: masked, as RFC 6455 requires of every frame a client sends. */
    private static ByteBuffer frame(int opcode, byte[] payload) {
        int length = payload.length;
        int lengthBytes = length < 126 ? 0 : length < 65536 ? 2 : 8;
        ByteBuffer frame = ByteBuffer.allocate(2 + lengthBytes + 4 + length);
        frame.put((byte) (0x80 | opcode));
        if (length < 126) {
            frame.put((byte) (0x80 | length));
        } else if (length < 65536) {
            frame.put((byte) (0x80 | 126)).putShort((short) length);
        } else {
            frame.put((byte) (0x80 | 127)).putLong(length);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.put(mask);
        for (int i = 0; i < length; i++) {
            frame.put((byte) (payload[i] ^ mask[i & 3]));
        }
        return frame.flip();
    }

    private static String acceptFor(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
