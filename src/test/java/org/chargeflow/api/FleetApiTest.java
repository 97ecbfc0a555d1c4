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
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chargeflow.api.LocationApiTest.assertRefused;
import static org.chargeflow.support.IntegrationTest.ADMIN;
import static org.chargeflow.support.IntegrationTest.ADMIN_PASSWORD;

/** Vehicles, their id tags, and the sessions those tags start. */
@IntegrationTest
class FleetApiTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    TestChargers chargers;

    Api admin;

    @BeforeEach
    void login() {
        admin = new Api(chargers.http(), ADMIN, ADMIN_PASSWORD);
    }

    @Test
    void vehiclesAreAddedChangedAndDeleted() {
        String vin = vin();
        Api.Answer added = admin.post("/api/vehicles", """
                {"name": "Van 7", "vin": "%s", "plate": "HH-CF 7", "make": "VW", "model": "ID. Buzz Cargo",
                 "batteryKwh": 77, "maxAcKw": 11, "maxDcKw": 170}""".formatted(vin.toLowerCase()));
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        long id = added.body().get("id").asLong();
        assertThat(added.body().get("vin").asText()).as("stored in capitals").isEqualTo(vin);
        assertThat(added.body().get("idTags").size()).isZero();

        Api.Answer changed = admin.put("/api/vehicles/" + id, "{\"name\": \"Van 7 (blue)\", \"vin\": \"%s\", \"batteryKwh\": 79}".formatted(vin));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("name").asText()).isEqualTo("Van 7 (blue)");
        assertThat(changed.body().has("plate")).isFalse();
        assertThat(admin.get("/api/vehicles").body().findValuesAsText("vin")).contains(vin);

        assertThat(admin.delete("/api/vehicles/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/vehicles/" + id).status()).isEqualTo(404);
    }

    @Test
    void invalidVehiclesAndDuplicateVinsAreRefused() {
        assertRefused(admin.post("/api/vehicles", "{\"vin\": \"%s\"}".formatted(vin())), 400, "name");
        assertRefused(admin.post("/api/vehicles", "{\"name\": \"Bad VIN\", \"vin\": \"WVWZZZ1JZ3W38615O\"}"), 400, "vin");
        assertRefused(admin.post("/api/vehicles", "{\"name\": \"Short VIN\", \"vin\": \"WVW\"}"), 400, "vin");
        assertRefused(admin.post("/api/vehicles", "{\"name\": \"No battery\", \"batteryKwh\": 0}"), 400, "batteryKwh");
        assertRefused(admin.post("/api/vehicles", "{\"name\": \"Typo\", \"maxAcKw\": \"eleven\"}"), 400, "maxAcKw");
        assertThat(admin.get("/api/vehicles").body().findValuesAsText("name")).doesNotContain("Bad VIN", "Short VIN", "No battery", "Typo");

        String vin = vin();
        assertThat(admin.post("/api/vehicles", "{\"name\": \"First\", \"vin\": \"%s\"}".formatted(vin)).status()).isEqualTo(201);
        Api.Answer twin = admin.post("/api/vehicles", "{\"name\": \"Second\", \"vin\": \"%s\"}".formatted(vin));
        assertThat(twin.status()).isEqualTo(409);
        assertThat(twin.message()).contains(vin);
    }

    @Test
    void idTagsBelongToVehiclesAndAreCheckedOnTheWire() {
        long vehicle = admin.post("/api/vehicles", "{\"name\": \"Pool car\"}").body().get("id").asLong();
        String parent = tag("GRP");
        String card = tag("CARD");
        assertThat(admin.post("/api/id-tags", "{\"idTag\": \"%s\"}".formatted(parent)).status()).isEqualTo(201);
        Api.Answer created = admin.post("/api/id-tags", """
                {"idTag": "%s", "parentIdTag": "%s", "vehicleId": %d, "expiryDate": "2099-01-01T00:00:00Z"}"""
                .formatted(card, parent, vehicle));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().get("status").asText()).isEqualTo("Accepted");
        assertThat(admin.get("/api/vehicles/" + vehicle).body().get("idTags").get(0).asText()).isEqualTo(card);
        assertThat(admin.get("/api/id-tags?vehicleId=" + vehicle).body().findValuesAsText("idTag")).containsExactly(card);

        try (SimulatedCharger charger = chargers.connectBooted("TAG")) {
            JsonNode accepted = charger.authorize(card).get("idTagInfo");
            assertThat(accepted.get("status").asText()).isEqualTo("Accepted");
            assertThat(accepted.get("parentIdTag").asText()).isEqualTo(parent);

            assertThat(admin.put("/api/id-tags/" + card,
                    "{\"status\": \"Blocked\", \"parentIdTag\": \"%s\", \"vehicleId\": %d}".formatted(parent, vehicle)).status()).isEqualTo(200);
            assertThat(charger.authorize(card).at("/idTagInfo/status").asText()).isEqualTo("Blocked");
        }

        assertRefused(admin.post("/api/id-tags", "{\"idTag\": \"has space\"}"), 400, "idTag");
        assertRefused(admin.post("/api/id-tags", "{\"idTag\": \"%s\", \"status\": \"Maybe\"}".formatted(tag("X"))), 400, "status");
        assertRefused(admin.post("/api/id-tags", "{\"idTag\": \"%s\", \"parentIdTag\": \"NO-SUCH\"}".formatted(tag("X"))), 400, "parentIdTag");
        assertRefused(admin.post("/api/id-tags", "{\"idTag\": \"%s\", \"vehicleId\": 999999}".formatted(tag("X"))), 400, "vehicleId");
        assertRefused(admin.post("/api/id-tags", "{\"idTag\": \"%s\", \"expiryDate\": \"soon\"}".formatted(tag("X"))), 400, "expiryDate");
        assertThat(admin.post("/api/id-tags", "{\"idTag\": \"%s\"}".formatted(card)).status()).isEqualTo(409);

        Api.Answer vehicleInUse = admin.delete("/api/vehicles/" + vehicle);
        assertThat(vehicleInUse.status()).isEqualTo(409);
        assertThat(vehicleInUse.message()).contains(card);
        Api.Answer parentInUse = admin.delete("/api/id-tags/" + parent);
        assertThat(parentInUse.status()).isEqualTo(409);
        assertThat(parentInUse.message()).contains("parent of " + card);

        assertThat(admin.delete("/api/id-tags/" + card).status()).isEqualTo(204);
        assertThat(admin.delete("/api/vehicles/" + vehicle).status()).isEqualTo(204);
    }

    @Test
    void aSessionStartedWithAVehiclesCardIsLinkedToItAndListed() {
        long vehicle = admin.post("/api/vehicles", "{\"name\": \"Taxi 12\"}").body().get("id").asLong();
        String card = tag("TAXI");
        admin.post("/api/id-tags", "{\"idTag\": \"%s\", \"vehicleId\": %d}".formatted(card, vehicle));
        Instant before = Instant.now().minusSeconds(1);

        long sessionId;
        try (SimulatedCharger charger = chargers.connectBooted("FLEET")) {
            charger.statusNotification(1, "Preparing");
            int tx = charger.startTransaction(1, card, 10_000, Instant.now()).get("transactionId").asInt();
            charger.meterValues(1, tx, 11_500, 7_000);
            JsonNode listed = await().atMost(WAIT).until(() -> admin.get("/api/sessions?vehicleId=" + vehicle).body(),
                    list -> list.size() == 1 && "CHARGING".equals(list.get(0).path("state").asText()));
            sessionId = listed.get(0).get("id").asLong();
            assertThat(listed.get(0).get("chargerId").asText()).isEqualTo(charger.id());
            assertThat(admin.get("/api/sessions?chargerId=" + charger.id() + "&state=CHARGING").body().size()).isOne();
            assertThat(admin.get("/api/sessions?chargerId=" + charger.id() + "&state=FINISHED").body().size()).isZero();
            assertThat(admin.get("/api/sessions?chargerId=" + charger.id() + "&from=" + Instant.now().plusSeconds(60)).body().size()).isZero();
            assertThat(admin.get("/api/sessions?chargerId=" + charger.id() + "&from=" + before).body().size()).isOne();
            assertThat(admin.get("/api/sessions?chargerId=" + charger.id() + "&beforeId=" + sessionId).body().size()).isZero();

            JsonNode detail = await().atMost(WAIT).until(() -> admin.get("/api/sessions/" + listed.get(0).get("id").asLong()).body(),
                    d -> d.path("meterValues").size() > 0);
            assertThat(detail.at("/session/vehicleId").asLong()).isEqualTo(vehicle);
            assertThat(detail.path("cockpitUrl").asText()).startsWith("/camunda/app/cockpit/default/#/process-instance/")
                    .endsWith(detail.at("/session/processInstanceId").asText());
            assertThat(detail.path("meterValues").findValuesAsText("measurand")).contains("Energy.Active.Import.Register");
            charger.stopTransaction(tx, 12_000, Instant.now(), "EVDisconnected");
        }
        await().atMost(WAIT).until(() -> admin.get("/api/sessions/" + sessionId).body().at("/session/state").asText(),
                "FINISHED"::equals);
        assertThat(admin.get("/api/sessions/" + sessionId).body().at("/session/energyWh").asDouble()).isEqualTo(2_000.0);
    }

    @Test
    void badSessionQueriesAreRefused() {
        assertRefused(admin.get("/api/sessions?limit=0"), 400, "limit");
        assertRefused(admin.get("/api/sessions?state=DANCING"), 400, "state");
        assertRefused(admin.get("/api/sessions?from=yesterday"), 400, "from");
        assertRefused(admin.get("/api/sessions?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z"), 400, "to");
        assertThat(admin.get("/api/sessions/999999999").status()).isEqualTo(404);
    }

    private static String tag(String prefix) {
        return prefix + Long.toHexString(ThreadLocalRandom.current().nextLong(1L << 40));
    }

    /** A random VIN from the allowed alphabet. */
    private static String vin() {
        String alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        StringBuilder vin = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            vin.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return vin.toString();
    }
}
