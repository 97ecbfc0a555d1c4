package org.chargeflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A server-sent event stream read in the background, for tests to wait on its events like a browser would. */
public final class EventStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event: its name and its data parsed as JSON. */
    public record Event(String name, JsonNode data) {
    }

    private final HttpResponse<Stream<String>> response;
    private final List<Event> events = new CopyOnWriteArrayList<>();

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread reader = new Thread(this::read, "event-stream-reader");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Opens the stream; {@code authorization} may be null. Returns once the response headers arrived. */
    public static EventStream open(String url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return new EventStream(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<Stream<String>> response() {
        return response;
    }

    /** Waits (bounded) for an event of that name whose data matches, and returns it. */
    public Event await(String name, Predicate<JsonNode> data) {
        return Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> events.stream().filter(e -> e.name().equals(name) && data.test(e.data())).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private void read() {
        String name = "message";
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, JSON.readTree(data.toString())));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (IOException | UncheckedIOException closed) {
            // The test closed the stream, or the server ended it.
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
