package org.chargeflow.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.TaskService;
import org.chargeflow.platform.security.Roles;
import org.chargeflow.session.ChargingSession;
import org.chargeflow.session.SessionRepository;
import org.chargeflow.session.SessionState;
import org.chargeflow.support.Http;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.SimulatedCharger;
import org.chargeflow.support.TestChargers;
import org.chargeflow.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chargeflow.support.IntegrationTest.ADMIN;
import static org.chargeflow.support.IntegrationTest.ADMIN_PASSWORD;

/** Start, stop and reset over our REST API: they run through the processes and answer with the processes' verdicts. */
@IntegrationTest
class ProcessActionsControllerTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ADMIN_AUTH = Http.basic(ADMIN, ADMIN_PASSWORD);

    @Autowired
    TestChargers chargers;
    @Autowired
    SessionRepository sessions;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    TestUsers users;
    @Autowired
    ObjectMapper json;
    Http http;

    @BeforeEach
    void client() {
        http = chargers.http();
    }

    @Test
    void startsASessionThatChargesAndStopsItThroughTheChargingTask() throws Exception {
        try (SimulatedCharger charger = chargers.connectBooted("ACT")) {
            charger.statusNotification(1, "Preparing");

            HttpResponse<String> started = http.postJson("/api/sessions", ADMIN_AUTH, """
                    {"chargerId": "%s", "connectorId": 1, "description": "From the API",
                     "sessionPowerKw": 7.4, "sessionEnergyKwh": "  "}""".formatted(charger.id()));
            assertThat(started.statusCode()).isEqualTo(201);
            JsonNode body = json.readTree(started.body());
            long sessionId = body.get("sessionId").asLong();
            assertThat(body.get("state").asText()).isEqualTo("REQUESTED");
            assertThat(started.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/api/sessions/" + sessionId));

            JsonNode remoteStart = charger.awaitCall("RemoteStartTransaction", WAIT).get(3);
            assertThat(remoteStart.at("/chargingProfile/chargingSchedule/chargingSchedulePeriod/0/limit").asDouble())
                    .isEqualTo(7_400.0);
            int tx = charger.startTransaction(1, remoteStart.get("idTag").asText(), 0, Instant.now())
                    .get("transactionId").asInt();
            ChargingSession session = sessions.find(sessionId).orElseThrow();
            assertThat(session.description()).isEqualTo("From the API");
            assertThat(session.energyCapKwh()).isNull();
            await().atMost(WAIT).until(() -> tasks.createTaskQuery().processInstanceId(session.processInstanceId())
                    .taskDefinitionKey("Charging").singleResult() != null);

            HttpResponse<String> stopped = http.postJson("/api/sessions/" + sessionId + "/stop", ADMIN_AUTH, "");
            assertThat(stopped.statusCode()).isEqualTo(202);
            assertThat(charger.awaitCall("RemoteStopTransaction", WAIT).at("/3/transactionId").asInt()).isEqualTo(tx);
            charger.stopTransaction(tx, 900, Instant.now(), "Remote");
            await().atMost(WAIT).until(() -> sessions.find(sessionId).orElseThrow().state() == SessionState.FINISHED);
            assertThat(sessions.find(sessionId).orElseThrow().stopReason()).isEqualTo("Stopped by the operator");

            HttpResponse<String> again = http.postJson("/api/sessions/" + sessionId + "/stop", ADMIN_AUTH, "");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(message(again)).isEqualTo("Session " + sessionId + " has already ended");
        }
    }

    @Test
    void aSessionWaitingForTheVehicleIsCancelledByStop() throws Exception {
        try (SimulatedCharger charger = chargers.connectBooted("WAIT")) {
            charger.statusNotification(1, "Available");

            HttpResponse<String> started = http.postJson("/api/sessions", ADMIN_AUTH,
                    "{\"chargerId\": \"%s\", \"connectorId\": 1}".formatted(charger.id()));
            assertThat(started.statusCode()).isEqualTo(201);
            JsonNode body = json.readTree(started.body());
            assertThat(body.get("state").asText()).isEqualTo("WAITING_FOR_VEHICLE");
            assertThat(body.get("message").asText()).isEqualTo("The vehicle is not plugged into connector 1: the session waits for it");

            long sessionId = body.get("sessionId").asLong();
            assertThat(http.postJson("/api/sessions/" + sessionId + "/stop", ADMIN_AUTH, "").statusCode()).isEqualTo(202);
            ChargingSession cancelled = sessions.find(sessionId).orElseThrow();
            assertThat(cancelled.state()).isEqualTo(SessionState.REFUSED);
            assertThat(cancelled.stopReason()).isEqualTo("Cancelled by the operator before the vehicle was connected");
        }
    }

    @Test
    void valuesTheProcessRefusesAreBadRequestsNamingTheFieldAndStartNothing() throws Exception {
        try (SimulatedCharger charger = chargers.connectBooted("BAD")) {
            charger.statusNotification(1, "Preparing");
            String id = charger.id();

            HttpResponse<String> unit = http.postJson("/api/sessions", ADMIN_AUTH,
                    "{\"chargerId\": \"%s\", \"connectorId\": 1, \"sessionPowerKw\": \"11 kW\"}".formatted(id));
            assertThat(unit.statusCode()).isEqualTo(400);
            assertThat(json.readTree(unit.body()).get("field").asText()).isEqualTo("sessionPowerKw");
            assertThat(message(unit)).startsWith("sessionPowerKw: must be a number of kW greater than 0")
                    .endsWith("(got '11 kW')");

            assertField(http.postJson("/api/sessions", ADMIN_AUTH,
                    "{\"chargerId\": \"%s\", \"connectorId\": 1, \"sessionEnergyKwh\": 0}".formatted(id)), "sessionEnergyKwh");
            assertField(http.postJson("/api/sessions", ADMIN_AUTH,
                    "{\"chargerId\": \"%s\", \"connectorId\": 1, \"sessionEnergyKwh\": -5}".formatted(id)), "sessionEnergyKwh");
            assertField(http.postJson("/api/sessions", ADMIN_AUTH,
                    "{\"chargerId\": \"%s\", \"connectorId\": \"one\"}".formatted(id)), "connectorId");
            assertField(http.postJson("/api/sessions", ADMIN_AUTH,
                    "{\"chargerId\": \"%s\", \"connectorId\": 1, \"sessionPowerKw\": [11]}".formatted(id)), "sessionPowerKw");
            assertField(http.postJson("/api/sessions", ADMIN_AUTH, "{\"connectorId\": 1}"), "chargerId");

            assertThat(sessions.activeOn(id)).isEmpty();
            assertThat(charger.inbox()).isEmpty();
        }
    }

    @Test
    void aStartTheProcessRefusesIsAConflictWithItsReason() throws Exception {
        TestChargers.Registration offline = chargers.register("OFF");
        HttpResponse<String> refused = http.postJson("/api/sessions", ADMIN_AUTH,
                "{\"chargerId\": \"%s\", \"connectorId\": 1}".formatted(offline.id()));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(message(refused)).isEqualTo("Charger " + offline.id() + " is disconnected: no action is possible until it reconnects");
    }

    @Test
    void resetRunsTheResetProcessOrSaysWhyNot() throws Exception {
        try (SimulatedCharger charger = chargers.connectBooted("RST")) {
            charger.statusNotification(1, "Preparing");
            String path = "/api/chargers/" + charger.id() + "/reset";

            HttpResponse<String> plugged = http.postJson(path, ADMIN_AUTH, "{\"resetType\": \"Soft\"}");
            assertThat(plugged.statusCode()).isEqualTo(409);
            assertThat(message(plugged)).isEqualTo("A vehicle is connected to connector 1 of " + charger.id()
                    + " (Preparing): unplug it before resetting");

            HttpResponse<String> medium = http.postJson(path, ADMIN_AUTH, "{\"resetType\": \"Medium\"}");
            assertField(medium, "resetType");
            assertThat(message(medium)).isEqualTo("resetType: must be Soft or Hard (got 'Medium')");
            assertField(http.postJson(path, ADMIN_AUTH, ""), "resetType");

            charger.statusNotification(1, "Available");
            HttpResponse<String> reset = http.postJson(path, ADMIN_AUTH, "{\"resetType\": \"Hard\"}");
            assertThat(reset.statusCode()).isEqualTo(202);
            assertThat(charger.awaitCall("Reset", WAIT).at("/3/type").asText()).isEqualTo("Hard");
        }
    }

    @Test
    void unknownSessionsAndChargersAreNotFound() throws Exception {
        HttpResponse<String> session = http.postJson("/api/sessions/987654321/stop", ADMIN_AUTH, "");
        assertThat(session.statusCode()).isEqualTo(404);
        assertThat(message(session)).isEqualTo("No session with id 987654321");
        HttpResponse<String> charger = http.postJson("/api/chargers/NO-SUCH-CHARGER/reset", ADMIN_AUTH, "{\"resetType\": \"Soft\"}");
        assertThat(charger.statusCode()).isEqualTo(404);
        assertThat(message(charger)).isEqualTo("No charger with id 'NO-SUCH-CHARGER'");
    }

    @Test
    void everyActionNeedsALogin() {
        assertThat(http.postJson("/api/sessions", null, "{\"chargerId\": \"CP-1\", \"connectorId\": 1}").statusCode())
                .isEqualTo(401);
        assertThat(http.postJson("/api/sessions/1/stop", null, "").statusCode()).isEqualTo(401);
        // Not the admin with a wrong password: Camunda's login throttling would lock the admin for the other tests.
        assertThat(http.postJson("/api/chargers/CP-1/reset", Http.basic("nobody", "wrong"), "{\"resetType\": \"Soft\"}")
                .statusCode()).isEqualTo(401);
    }

    @Test
    void theActionsAreInTheOpenApiDocument() throws Exception {
        JsonNode paths = json.readTree(http.get("/api/openapi.json", ADMIN_AUTH).body()).get("paths");
        assertThat(paths.at("/~1api~1sessions/post").isObject()).isTrue();
        assertThat(paths.at("/~1api~1sessions~1{id}~1stop/post").isObject()).isTrue();
        assertThat(paths.at("/~1api~1chargers~1{id}~1reset/post").isObject()).isTrue();
    }

    /** An operator passes our API's role check; a Camunda authorization still forbids, and that is a 403 too. */
    @Test
    void whatCamundaAuthorizationsForbidIsForbidden() throws Exception {
        TestUsers.Login operator = users.inGroup("noreset", Roles.OPERATORS);
        String userId = operator.id();
        // A user's own REVOKE wins over whatever the operators group is granted.
        Authorization noReset = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        noReset.setUserId(userId);
        noReset.setResource(Resources.PROCESS_DEFINITION);
        noReset.setResourceId("charger-reset");
        noReset.removePermission(Permissions.CREATE_INSTANCE);
        authorizations.saveAuthorization(noReset);
        try (SimulatedCharger charger = chargers.connectBooted("AUTHZ")) {
            HttpResponse<String> refused = http.postJson("/api/chargers/" + charger.id() + "/reset",
                    operator.basic(), "{\"resetType\": \"Soft\"}");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(message(refused)).contains(userId).contains("permission");
            assertThat(charger.inbox()).isEmpty();
        } finally {
            authorizations.deleteAuthorization(noReset.getId());
            identity.deleteUser(userId);
        }
    }

    @Test
    void aBrowserSessionMayChangeThingsOnlyWithTheCsrfHeader() throws Exception {
        Http browser = chargers.http();
        assertThat(browser.logIntoCamunda(ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/chargers").statusCode()).isEqualTo(200);

        HttpResponse<String> forged = browser.postJson("/api/chargers/NO-SUCH-CHARGER/reset", null, "{\"resetType\": \"Soft\"}");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(message(forged)).contains("X-Requested-With");

        HttpResponse<String> fromThePage = browser.send(HttpRequest.newBuilder(
                        URI.create(browser.url("/api/chargers/NO-SUCH-CHARGER/reset")))
                .header("Content-Type", "application/json").header("X-Requested-With", "ChargeFlow-Dashboard")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resetType\": \"Soft\"}")));
        assertThat(fromThePage.statusCode()).isEqualTo(404);
    }

    private void assertField(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("field").asText()).isEqualTo(field);
        assertThat(message(response)).startsWith(field + ": ");
    }

    private String message(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body()).get("message").asText();
    }
}
