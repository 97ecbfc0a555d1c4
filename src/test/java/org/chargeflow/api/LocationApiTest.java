package org.chargeflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.chargeflow.platform.security.Groups;
import org.chargeflow.support.Api;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.TestChargers;
import org.chargeflow.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflow.support.IntegrationTest.ADMIN;
import static org.chargeflow.support.IntegrationTest.ADMIN_PASSWORD;

@IntegrationTest
class LocationApiTest {

    @Autowired
    TestChargers chargers;
    @Autowired
    TestUsers users;

    Api admin;

    @BeforeEach
    void login() {
        admin = new Api(chargers.http(), ADMIN, ADMIN_PASSWORD);
    }

    @Test
    void createReadUpdateAndDelete() {
        String name = unique("Depot");
        Api.Answer created = admin.post("/api/locations", """
                {"name": "%s", "address": "Hafenstraße 1, Hamburg", "timeZone": "Europe/Berlin", "gridCapacityKw": 250}"""
                .formatted(name));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(created.body().get("gridCapacityKw").decimalValue()).isEqualByComparingTo("250");

        assertThat(admin.get("/api/locations/" + id).body().get("name").asText()).isEqualTo(name);
        assertThat(admin.get("/api/locations").body().findValuesAsText("name")).contains(name);

        Api.Answer updated = admin.put("/api/locations/" + id, """
                {"name": "%s", "timeZone": "Europe/Vienna"}""".formatted(name + " Süd"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("name").asText()).isEqualTo(name + " Süd");
        assertThat(updated.body().has("gridCapacityKw")).as("a full replacement").isFalse();

        assertThat(admin.delete("/api/locations/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/locations/" + id).status()).isEqualTo(404);
    }

    @Test
    void invalidFieldsAreRefusedByName() {
        assertRefused(admin.post("/api/locations", "{\"timeZone\": \"Europe/Berlin\"}"), 400, "name");
        assertRefused(admin.post("/api/locations", "{\"name\": \"%s\", \"timeZone\": \"Mars/Olympus\"}".formatted(unique("X"))), 400, "timeZone");
        assertRefused(admin.post("/api/locations", "{\"name\": \"%s\", \"timeZone\": \"UTC\", \"gridCapacityKw\": -5}".formatted(unique("X"))), 400, "gridCapacityKw");
        assertRefused(admin.post("/api/locations", "{\"name\": \"%s\", \"timeZone\": \"UTC\", \"gridCapacityKw\": \"lots\"}".formatted(unique("X"))), 400, "gridCapacityKw");
        assertRefused(admin.get("/api/locations/abc"), 400, "id");
        assertThat(admin.get("/api/locations").body().findValuesAsText("timeZone")).doesNotContain("Mars/Olympus");
    }

    @Test
    void duplicateNamesConflict() {
        String name = unique("Twin");
        assertThat(admin.post("/api/locations", "{\"name\": \"%s\", \"timeZone\": \"UTC\"}".formatted(name)).status()).isEqualTo(201);
        Api.Answer again = admin.post("/api/locations", "{\"name\": \"%s\", \"timeZone\": \"UTC\"}".formatted(name));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.message()).contains(name);
    }

    @Test
    void aLocationWithChargersCannotBeDeleted() {
        long id = admin.post("/api/locations", "{\"name\": \"%s\", \"timeZone\": \"UTC\"}".formatted(unique("Busy")))
                .body().get("id").asLong();
        chargers.register("AT", ",\"locationId\": " + id);

        Api.Answer refused = admin.delete("/api/locations/" + id);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.message()).contains("still has 1 charger");
        assertThat(admin.get("/api/locations/" + id).body().get("chargerCount").asInt()).isOne();
    }

    @Test
    void analystsReadButChangeNothingAndStrangersSeeNothing() {
        Api analyst = new Api(chargers.http(), users.memberOf(Groups.ANALYSTS), TestUsers.PASSWORD);
        assertThat(analyst.get("/api/locations").status()).isEqualTo(200);
        String name = unique("Forbidden");
        Api.Answer refused = analyst.post("/api/locations", "{\"name\": \"%s\", \"timeZone\": \"UTC\"}".formatted(name));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.message()).contains("operators");
        assertThat(admin.get("/api/locations").body().findValuesAsText("name")).doesNotContain(name);

        Api operator = new Api(chargers.http(), users.memberOf(Groups.OPERATORS), TestUsers.PASSWORD);
        assertThat(operator.post("/api/locations", "{\"name\": \"%s\", \"timeZone\": \"UTC\"}".formatted(name)).status()).isEqualTo(201);

        Api stranger = new Api(chargers.http(), "nobody", "wrong-password");
        assertThat(stranger.get("/api/locations").status()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        JsonNode document = admin.get("/api/openapi.json").body();
        assertThat(document.path("info").path("title").asText()).isEqualTo("ChargeFlow API");
        assertThat(document.path("paths").has("/api/locations")).isTrue();
        assertThat(document.path("paths").has("/api/chargers/{id}/connectors/{connectorId}/availability")).isTrue();
        assertThat(document.path("paths").has("/api/sessions")).isTrue();
        assertThat(new Api(chargers.http(), "nobody", "wrong-password").get("/api/openapi.json").status()).isEqualTo(401);
    }

    static void assertRefused(Api.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.field()).isEqualTo(field);
        assertThat(answer.message()).startsWith(field + ":");
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
