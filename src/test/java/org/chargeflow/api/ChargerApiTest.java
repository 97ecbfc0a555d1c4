package org.chargeflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.chargeflow.support.Api;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.SimulatedCharger;
import org.chargeflow.support.TestChargers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.chargeflow.api.LocationApiTest.assertRefused;
import static org.chargeflow.support.IntegrationTest.ADMIN;
import static org.chargeflow.support.IntegrationTest.ADMIN_PASSWORD;

@IntegrationTest
class ChargerApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    TestChargers chargers;

    Api admin;

    @BeforeEach
    void login() {
        admin = new Api(chargers.http(), ADMIN, ADMIN_PASSWORD);
    }

    @Test
    void registerWithLocationAndLimitThenChangeIt() {
        long location = admin.post("/api/locations", "{\"name\": \"%s\", \"timeZone\": \"UTC\"}".formatted(unique("Yard")))
                .body().get("id").asLong();
        String id = unique("CP");
        Api.Answer created = admin.post("/api/chargers", """
                {"id": "%s", "name": "Bay 3", "locationId": %d, "maxPowerKw": 22}""".formatted(id, location));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().get("password").asText()).as("generated, shown once").hasSizeGreaterThanOrEqualTo(24);
        assertThat(created.body().at("/charger/maxPowerKw").decimalValue()).isEqualByComparingTo("22");

        JsonNode read = admin.get("/api/chargers/" + id).body();
        assertThat(read.get("name").asText()).isEqualTo("Bay 3");
        assertThat(read.get("locationId").asLong()).isEqualTo(location);
        assertThat(read.toString()).doesNotContain("password").doesNotContain("hash");
        assertThat(admin.get("/api/chargers?locationId=" + location).body().findValuesAsText("id")).containsExactly(id);

        Api.Answer updated = admin.put("/api/chargers/" + id, "{\"name\": \"Bay 4\", \"maxPowerKw\": 11}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("name").asText()).isEqualTo("Bay 4");
        assertThat(updated.body().has("locationId")).isFalse();
        assertThat(admin.get("/api/chargers?locationId=" + location).body().size()).isZero();
    }

    @Test
    void invalidAndDuplicateRegistrationsAreRefused() {
        String id = unique("CP");
        assertRefused(admin.post("/api/chargers", "{\"id\": \"has space\"}"), 400, "id");
        assertRefused(admin.post("/api/chargers", "{\"id\": \"%s\", \"password\": \"short\"}".formatted(id)), 400, "password");
        assertRefused(admin.post("/api/chargers", "{\"id\": \"%s\", \"maxPowerKw\": 0}".formatted(id)), 400, "maxPowerKw");
        assertRefused(admin.post("/api/chargers", "{\"id\": \"%s\", \"locationId\": 999999}".formatted(id)), 400, "locationId");
        assertRefused(admin.post("/api/chargers", "{\"id\": \"%s\", \"heartbeatIntervalSeconds\": 0}".formatted(id)), 400, "heartbeatIntervalSeconds");
        assertThat(admin.get("/api/chargers/" + id).status()).as("nothing was created").isEqualTo(404);

        assertThat(admin.post("/api/chargers", "{\"id\": \"%s\"}".formatted(id)).status()).isEqualTo(201);
        assertThat(admin.post("/api/chargers", "{\"id\": \"%s\"}".formatted(id)).status()).isEqualTo(409);
        assertThat(admin.put("/api/chargers/NOPE-" + id, "{}").status()).isEqualTo(404);
    }

    @Test
    void rotatingThePasswordLocksOutTheOldOne() {
        TestChargers.Registration registration = chargers.register("ROT");
        Api.Answer rotated = admin.post("/api/chargers/" + registration.id() + "/password", "{}");
        assertThat(rotated.status()).isEqualTo(200);
        String newPassword = rotated.body().get("password").asText();
        assertThat(newPassword).isNotEqualTo(registration.password());

        assertThatThrownBy(() -> chargers.connect(registration).close())
                .isInstanceOfSatisfying(SimulatedCharger.HandshakeRefused.class, e -> assertThat(e.statusCode()).isEqualTo(401));
        try (SimulatedCharger charger = chargers.connect(new TestChargers.Registration(registration.id(), newPassword))) {
            assertThat(charger.bootNotification().get("status").asText()).isEqualTo("Accepted");
        }

        String chosen = "chosen-Password-0042";
        Api.Answer set = admin.post("/api/chargers/" + registration.id() + "/password", "{\"password\": \"%s\"}".formatted(chosen));
        assertThat(set.body().has("password")).as("a chosen password is not echoed").isFalse();
        try (SimulatedCharger charger = chargers.connect(new TestChargers.Registration(registration.id(), chosen))) {
            assertThat(charger.isOpen()).isTrue();
        }
        assertRefused(admin.post("/api/chargers/" + registration.id() + "/password", "{\"password\": \"short\"}"), 400, "password");
    }

    @Test
    void connectorsShowTheirStatusAndTakeALimitAndAvailabilityChanges() {
        try (SimulatedCharger charger = chargers.connectBooted("CONN")) {
            charger.statusNotification(1, "Available");
            String base = "/api/chargers/" + charger.id() + "/connectors";
            JsonNode connectors = admin.get(base).body();
            assertThat(connectors.findValuesAsText("status")).containsExactly("Available");

            Api.Answer limited = admin.put(base + "/1", "{\"maxPowerKw\": 3.7}");
            assertThat(limited.status()).isEqualTo(200);
            assertThat(limited.body().get("maxPowerKw").decimalValue()).isEqualByComparingTo("3.7");
            assertThat(admin.put(base + "/7", "{\"maxPowerKw\": 3.7}").status()).isEqualTo(404);
            assertRefused(admin.put(base + "/1", "{\"maxPowerKw\": -1}"), 400, "maxPowerKw");

            charger.onCall("ChangeAvailability", payload -> "{\"status\": \"Scheduled\"}");
            Api.Answer changed = admin.post(base + "/1/availability", "{\"type\": \"Inoperative\"}");
            assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
            assertThat(changed.body().get("status").asText()).isEqualTo("Scheduled");
            JsonNode sent = charger.awaitCall("ChangeAvailability", WAIT).get(3);
            assertThat(sent.get("connectorId").asInt()).isEqualTo(1);
            assertThat(sent.get("type").asText()).isEqualTo("Inoperative");

            assertRefused(admin.post(base + "/1/availability", "{\"type\": \"Broken\"}"), 400, "type");
            charger.onCallError("ChangeAvailability", "InternalError", "relay stuck");
            Api.Answer failed = admin.post(base + "/1/availability", "{\"type\": \"Operative\"}");
            assertThat(failed.status()).isEqualTo(502);
            assertThat(failed.message()).contains(charger.id());
        }
    }

    @Test
    void availabilityOfADisconnectedChargerFailsFast() {
        TestChargers.Registration offline = chargers.register("OFF");
        Api.Answer refused = admin.post("/api/chargers/" + offline.id() + "/connectors/0/availability", "{\"type\": \"Operative\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.message()).contains("not connected");
    }

    @Test
    void deletingIsRefusedWhileConnectedOrWithHistory() {
        String withHistory;
        try (SimulatedCharger charger = chargers.connectBooted("DEL")) {
            withHistory = charger.id();
            Api.Answer connected = admin.delete("/api/chargers/" + charger.id());
            assertThat(connected.status()).isEqualTo(409);
            assertThat(connected.message()).contains("is connected");
            charger.statusNotification(1, "Preparing");
            int tx = charger.startTransaction(1, "UNKNOWN-TAG", 0, Instant.now()).get("transactionId").asInt();
            charger.stopTransaction(tx, 100, Instant.now(), "Local");
        }
        await().atMost(WAIT).until(() -> !admin.get("/api/chargers/" + withHistory).body().get("online").asBoolean());
        Api.Answer history = admin.delete("/api/chargers/" + withHistory);
        assertThat(history.status()).isEqualTo(409);
        assertThat(history.message()).contains("1 transaction(s)");

        TestChargers.Registration unused = chargers.register("GONE");
        assertThat(admin.delete("/api/chargers/" + unused.id()).status()).isEqualTo(204);
        assertThat(admin.get("/api/chargers/" + unused.id()).status()).isEqualTo(404);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
