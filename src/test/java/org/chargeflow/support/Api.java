package org.chargeflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Our REST API as a script would use it: JSON over HTTP Basic with a Camunda user. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http http;
    private final String authorization;

    public Api(Http http, String user, String password) {
        this.http = http;
        this.authorization = Http.basic(user, password);
    }

    /** The status and the JSON body (missing when there is none). */
    public record Answer(int status, JsonNode body) {
        public String message() {
            return body.path("message").asText();
        }

        public String field() {
            return body.path("field").asText();
        }
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(http.url(path))).header("Authorization", authorization);
    }

    private Answer send(HttpRequest.Builder request) {
        HttpResponse<String> response = http.send(request);
        try {
            JsonNode body = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }
}
