package org.chargeflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import static org.chargeflow.support.IntegrationTest.ADMIN;
import static org.chargeflow.support.IntegrationTest.ADMIN_PASSWORD;

/** Registers chargers through the REST API and connects simulated ones to the running application. */
@TestComponent
public class TestChargers {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ObjectMapper json;
    private final Environment environment;

    public TestChargers(ObjectMapper json, Environment environment) {
        this.json = json;
        this.environment = environment;
    }

    /** Known only once the server has started, after this bean was created. */
    private int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    public record Registration(String id, String password) {
    }

    /** A new charger with a unique id (tests share one database) and a generated password. */
    public Registration register(String prefix) {
        return register(prefix, "");
    }

    public Registration register(String prefix, String extraJson) {
        String id = prefix + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        HttpResponse<String> response = http().postJson("/api/chargers", Http.basic(ADMIN, ADMIN_PASSWORD),
                "{\"id\":\"" + id + "\"" + extraJson + "}");
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Registering " + id + " failed: " + response.statusCode() + " " + response.body());
        }
        try {
            JsonNode body = json.readTree(response.body());
            return new Registration(id, body.get("password").asText());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers a charger, connects it and sends its BootNotification. */
    public SimulatedCharger connectBooted(String prefix) {
        Registration r = register(prefix);
        SimulatedCharger charger = connect(r);
        charger.bootNotification();
        return charger;
    }

    public SimulatedCharger connect(Registration r) {
        return SimulatedCharger.connect(serverUri(), r.id(), r.password());
    }

    public URI serverUri() {
        return URI.create("ws://localhost:" + port());
    }

    public Http http() {
        return new Http(port());
    }
}
