package org.chargeflow.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chargeflow.ChargeFlowApplication;
import org.chargeflow.session.ChargingSession;
import org.chargeflow.session.SessionRepository;
import org.chargeflow.session.SessionState;
import org.chargeflow.support.Http;
import org.chargeflow.support.SimulatedCharger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chargeflow.support.IntegrationTest.ADMIN;
import static org.chargeflow.support.IntegrationTest.ADMIN_PASSWORD;

/**
 * Stops the application in the middle of running sessions and starts it again on the same database:
 * the chargers reconnect, the sessions carry on and finish, and none is lost or counted twice.
 * Runs the application itself, on a database of its own, so no other test's engine picks up its jobs,
 * and in a JVM of its own (see the surefire configuration in pom.xml).
 */
@Tag("own-jvm")
class RestartSafetyTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void runningSessionsSurviveARestart() throws Exception {
        String chargerId;
        String password;
        int tx;
        long waitingSessionId;
        ConfigurableApplicationContext first = startApplication();
        try {
            Http http = http(first);
            JsonNode registered = JSON.readTree(http.postJson("/api/chargers", Http.basic(ADMIN, ADMIN_PASSWORD),
                    "{\"id\":\"RESTART-1\"}").body());
            chargerId = registered.get("id").asText();
            password = registered.get("password").asText();
            try (SimulatedCharger charger = SimulatedCharger.connect(ws(first), chargerId, password)) {
                charger.bootNotification();
                charger.statusNotification(1, "Preparing");
                charger.statusNotification(2, "Available");
                startSession(http, chargerId, 1);
                startSession(http, chargerId, 2);

                JsonNode remoteStart = charger.awaitCall("RemoteStartTransaction", WAIT).get(3);
                tx = charger.startTransaction(1, remoteStart.get("idTag").asText(), 50_000, Instant.now())
                        .get("transactionId").asInt();
                charger.meterValues(1, tx, 52_000, 11_000);
                SessionRepository sessions = first.getBean(SessionRepository.class);
                await().atMost(WAIT).until(() -> sessions.byTransaction(tx).map(ChargingSession::state),
                        s -> s.equals(Optional.of(SessionState.CHARGING)));
                waitingSessionId = await().atMost(WAIT).until(() -> sessions.activeOn(chargerId, 2), Optional::isPresent)
                        .get().id();
            }
        } finally {
            first.close();
        }

        ConfigurableApplicationContext second = startApplication();
        try {
            SessionRepository sessions = second.getBean(SessionRepository.class);
            try (SimulatedCharger charger = SimulatedCharger.connect(ws(second), chargerId, password)) {
                charger.bootNotification();
                charger.meterValues(1, tx, 54_000, 11_000);
                charger.stopTransaction(tx, 55_000, Instant.now(), "EVDisconnected");

                ChargingSession finished = await().atMost(WAIT).until(() -> sessions.byTransaction(tx).orElseThrow(),
                        s -> s.state() == SessionState.FINISHED);
                assertThat(finished.energyWh()).isEqualTo(5_000.0);
                assertThat(finished.stopReason()).isEqualTo("Stopped by the charger (EVDisconnected)");

                // The session that was waiting for a vehicle still waits, and starts once it is plugged in.
                assertThat(sessions.find(waitingSessionId).orElseThrow().state()).isEqualTo(SessionState.WAITING_FOR_VEHICLE);
                charger.statusNotification(2, "Preparing");
                assertThat(charger.awaitCall("RemoteStartTransaction", WAIT).at("/3/connectorId").asInt()).isEqualTo(2);
            }
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM charging_session WHERE charger_id = ?").param(chargerId)
                    .query(Integer.class).single()).as("no session lost or duplicated").isEqualTo(2);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM charging_transaction WHERE charger_id = ?").param(chargerId)
                    .query(Integer.class).single()).isOne();
        } finally {
            second.close();
        }
    }

    private static ConfigurableApplicationContext startApplication() {
        return new SpringApplicationBuilder(ChargeFlowApplication.class).run(
                "--server.port=0",
                "--chargeflow.database.fresh-schema=true",
                "--chargeflow.database.fresh-schema-key=restart",
                "--chargeflow.database.local-server-url=jdbc:mariadb://127.0.0.1:3306/",
                "--chargeflow.embedded-db.data-dir=target/embedded-mariadb/data",
                "--camunda.bpm.process-engine-name=restart",
                "--camunda.bpm.admin-user.id=" + ADMIN,
                "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD);
    }

    private static void startSession(Http http, String chargerId, int connector) {
        HttpResponse<String> started = http.postJson("/engine-rest/engine/restart/process-definition/key/charging-session/start",
                Http.basic(ADMIN, ADMIN_PASSWORD), """
                        {"variables": {"chargerId": {"value": "%s"}, "connectorId": {"value": %d, "type": "Integer"}}}"""
                        .formatted(chargerId, connector));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(port(context));
    }

    private static URI ws(ConfigurableApplicationContext context) {
        return URI.create("ws://localhost:" + port(context));
    }
}
