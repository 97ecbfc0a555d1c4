package org.chargeflow.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chargeflow.support.EventStream;
import org.chargeflow.support.Http;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.SimulatedCharger;
import org.chargeflow.support.TestChargers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflow.support.IntegrationTest.ADMIN;
import static org.chargeflow.support.IntegrationTest.ADMIN_PASSWORD;

/**
 * The dashboard's live stream as a browser receives it: a snapshot, then the widgets of the chargers that
 * change, with their state per connector, the session's progress and which actions are possible and why not.
 */
@IntegrationTest
class DashboardStreamTest {

    private static final String ADMIN_AUTH = Http.basic(ADMIN, ADMIN_PASSWORD);

    @Autowired
    TestChargers chargers;
    @Autowired
    ObjectMapper json;

    @Test
    void theStreamAndThePageNeedALogin() {
        Http http = chargers.http();
        try (EventStream anonymous = EventStream.open(http.url("/api/dashboard/events"), null);
             EventStream wrong = EventStream.open(http.url("/api/dashboard/events"), Http.basic("nobody", "wrong"))) {
            assertThat(anonymous.response().statusCode()).isEqualTo(401);
            assertThat(wrong.response().statusCode()).isEqualTo(401);
        }

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(http.url("/dashboard/")))
                .header("Accept", "text/html,application/xhtml+xml").GET());
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("WWW-Authenticate")).isEmpty(); // no browser password dialog
        assertThat(page.body()).contains("href=\"/camunda/app/tasklist/\"").doesNotContain("dashboard.js");
        assertThat(http.get("/dashboard/dashboard.js").statusCode()).isEqualTo(401);

        assertThat(http.get("/dashboard", ADMIN_AUTH).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/dashboard/"));
        HttpResponse<String> loggedIn = http.get("/dashboard/", ADMIN_AUTH);
        assertThat(loggedIn.statusCode()).isEqualTo(200);
        assertThat(loggedIn.body()).contains("<script src=\"dashboard.js\" defer></script>");
        assertThat(loggedIn.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'self'"));
    }

    @Test
    void widgetsFollowTheChargerAndTheSessionLive() throws Exception {
        Http http = chargers.http();
        String location = "Depot " + System.nanoTime();
        long locationId = json.readTree(http.postJson("/api/locations", ADMIN_AUTH,
                "{\"name\": \"%s\", \"timeZone\": \"Europe/Berlin\"}".formatted(location)).body()).get("id").asLong();
        TestChargers.Registration registration = chargers.register("LIVE", ",\"name\": \"Bay 7\", \"locationId\": " + locationId);

        try (SimulatedCharger charger = chargers.connect(registration);
             EventStream stream = EventStream.open(http.url("/api/dashboard/events"), ADMIN_AUTH)) {
            assertThat(stream.response().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            JsonNode snapshot = stream.await("snapshot", data -> widget(data, charger.id()).isPresent()).data();
            JsonNode first = widget(snapshot, charger.id()).orElseThrow();
            assertThat(first.get("name").asText()).isEqualTo("Bay 7");
            assertThat(first.get("locationName").asText()).isEqualTo(location);
            assertThat(snapshot.at("/totals/locations").isArray()).isTrue();

            charger.statusNotification(1, "Available");
            JsonNode available = awaitWidget(stream, charger.id(), w -> "Available".equals(w.at("/connectors/0/state").asText()));
            assertThat(available.get("state").asText()).isEqualTo("Online");
            assertThat(available.at("/connectors/0/startBlockedBecause").asText()).isEqualTo("The vehicle is not plugged into connector 1");
            assertThat(available.at("/connectors/0/stopBlockedBecause").asText()).isEqualTo("No session runs on this connector");
            assertThat(available.has("resetBlockedBecause")).isFalse();

            charger.statusNotification(1, "Preparing");
            JsonNode plugged = awaitWidget(stream, charger.id(), w -> "Preparing".equals(w.at("/connectors/0/state").asText()));
            assertThat(plugged.at("/connectors/0").has("startBlockedBecause")).isFalse();
            assertThat(plugged.get("resetBlockedBecause").asText()).startsWith("A vehicle is connected to connector 1");

            long sessionId = json.readTree(http.postJson("/api/sessions", ADMIN_AUTH, """
                    {"chargerId": "%s", "connectorId": 1, "sessionEnergyKwh": 12}""".formatted(charger.id())).body())
                    .get("sessionId").asLong();
            JsonNode remoteStart = charger.awaitCall("RemoteStartTransaction", Duration.ofSeconds(15)).get(3);
            int tx = charger.startTransaction(1, remoteStart.get("idTag").asText(), 100_000, Instant.now())
                    .get("transactionId").asInt();
            charger.statusNotification(1, "Charging");
            charger.meterValues(1, tx, 101_500, 7_300);
            JsonNode charging = awaitWidget(stream, charger.id(),
                    w -> w.at("/connectors/0/session/energyKwh").asDouble() == 1.5);
            assertThat(charging.at("/connectors/0/state").asText()).isEqualTo("Charging");
            assertThat(charging.at("/connectors/0/session/id").asLong()).isEqualTo(sessionId);
            assertThat(charging.at("/connectors/0/session/state").asText()).isEqualTo("CHARGING");
            assertThat(charging.at("/connectors/0/session/powerKw").asDouble()).isEqualTo(7.3);
            assertThat(charging.at("/connectors/0/session/progressPercent").asInt()).isEqualTo(13);
            assertThat(charging.at("/connectors/0").has("stopBlockedBecause")).isFalse();
            assertThat(charging.at("/connectors/0/startBlockedBecause").asText()).endsWith("is busy with session " + sessionId);
            stream.await("totals", totals -> StreamSupport.stream(totals.get("locations").spliterator(), false)
                    .anyMatch(at -> at.path("locationId").asLong() == locationId && at.get("sessions").asInt() == 1
                            && at.get("energyKwh").asDouble() == 1.5));

            charger.close();
            JsonNode gone = awaitWidget(stream, charger.id(), w -> !w.get("connected").asBoolean());
            String disconnected = "Charger " + charger.id() + " is disconnected: no action is possible until it reconnects";
            assertThat(gone.get("state").asText()).isEqualTo("Disconnected");
            assertThat(gone.at("/connectors/0/state").asText()).isEqualTo("Disconnected");
            assertThat(gone.at("/connectors/0/reportedStatus").asText()).isEqualTo("Charging");
            assertThat(gone.at("/connectors/0/startBlockedBecause").asText()).isEqualTo(disconnected);
            assertThat(gone.at("/connectors/0/stopBlockedBecause").asText()).isEqualTo(disconnected);
            assertThat(gone.get("resetBlockedBecause").asText()).contains("is disconnected");
        }
    }

    private static JsonNode awaitWidget(EventStream stream, String chargerId, Predicate<JsonNode> condition) {
        return widget(stream.await("chargers", data -> widget(data, chargerId).filter(condition).isPresent()).data(),
                chargerId).orElseThrow();
    }

    private static Optional<JsonNode> widget(JsonNode data, String chargerId) {
        return StreamSupport.stream(data.get("chargers").spliterator(), false)
                .filter(w -> w.get("id").asText().equals(chargerId)).findFirst();
    }
}
