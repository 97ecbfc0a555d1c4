package org.chargeflow.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.chargeflow.meter.MeterSample;
import org.chargeflow.meter.MeterValueRepository;
import org.chargeflow.session.ChargingSession;
import org.chargeflow.session.SessionRepository;
import org.chargeflow.session.SessionState;
import org.chargeflow.support.Http;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.SimulatedCharger;
import org.chargeflow.support.TestChargers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chargeflow.support.IntegrationTest.ADMIN;
import static org.chargeflow.support.IntegrationTest.ADMIN_PASSWORD;

/**
 * The integrator's view: a session started through /engine-rest with caps, a charger that plugs in,
 * receives the power profile, reports meter values and is stopped by the backend at the energy target.
 * The session row, the process history and the meter values must tell the same story.
 */
@IntegrationTest
class ChargingSessionEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    TestChargers chargers;
    @Autowired
    SessionRepository sessions;
    @Autowired
    MeterValueRepository meterValues;
    @Autowired
    HistoryService history;
    @Autowired
    ObjectMapper json;

    @Test
    void startedOverRestWithCapsStoppedByTheBackendAtTheEnergyTarget() throws Exception {
        try (SimulatedCharger charger = chargers.connectBooted("E2E")) {
            charger.statusNotification(1, "Preparing");
            Http http = chargers.http();

            HttpResponse<String> started = http.postJson("/engine-rest/process-definition/key/charging-session/start",
                    Http.basic(ADMIN, ADMIN_PASSWORD), """
                            {"variables": {
                               "chargerId": {"value": "%s", "type": "String"},
                               "connectorId": {"value": 1, "type": "Integer"},
                               "description": {"value": "Depot night charge", "type": "String"},
                               "sessionPowerKw": {"value": 7.4, "type": "Double"},
                               "sessionEnergyKwh": {"value": 2, "type": "Double"}}}""".formatted(charger.id()));
            assertThat(started.statusCode()).isEqualTo(200);
            String processInstanceId = json.readTree(started.body()).get("id").asText();

            JsonNode remoteStart = charger.awaitCall("RemoteStartTransaction", WAIT).get(3);
            assertThat(remoteStart.at("/chargingProfile/chargingSchedule/chargingSchedulePeriod/0/limit").asDouble())
                    .isEqualTo(7_400.0);
            int meterStart = 120_000;
            int tx = charger.startTransaction(1, remoteStart.get("idTag").asText(), meterStart, Instant.now())
                    .get("transactionId").asInt();

            // Readings every 250 Wh up to the target; the backend must not stop before it, and must stop at it.
            int energy = meterStart;
            while (energy < meterStart + 2_000) {
                assertThat(charger.inbox()).noneMatch(call -> call.get(2).asText().equals("RemoteStopTransaction"));
                energy += 250;
                charger.meterValues(1, tx, energy, 7_350);
            }
            JsonNode remoteStop = charger.awaitCall("RemoteStopTransaction", WAIT);
            assertThat(remoteStop.at("/3/transactionId").asInt()).isEqualTo(tx);
            charger.stopTransaction(tx, energy, Instant.now(), "Remote");

            await().atMost(WAIT).until(() -> history.createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId).finished().count() == 1);

            ChargingSession session = sessions.byTransaction(tx).orElseThrow();
            assertThat(session.processInstanceId()).isEqualTo(processInstanceId);
            assertThat(session.state()).isEqualTo(SessionState.FINISHED);
            assertThat(session.stopReason()).isEqualTo("Energy target reached");
            assertThat(session.powerCapKw()).isEqualByComparingTo("7.4");
            assertThat(session.energyCapKwh()).isEqualByComparingTo("2");
            assertThat(session.energyWh()).as("within 1 % of 2 kWh").isBetween(1_980.0, 2_020.0);
            assertThat(session.meterStartWh()).isEqualTo(meterStart);
            assertThat(session.meterStopWh()).isEqualTo(energy);

            List<String> path = history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                    .orderPartiallyByOccurrence().asc().list().stream()
                    .map(HistoricActivityInstance::getActivityId).toList();
            assertThat(path).containsSubsequence("CheckRequest", "RecordSession", "CheckCharger", "WorkOutPowerLimit",
                    "RequestStart", "ChargingStarted", "Charging", "EnergyTargetReached", "RequestStop", "StopConfirmed",
                    "RecordOutcome", "SessionEnded");
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                    .variableName("energyDeliveredKwh").singleResult().getValue())
                    .isEqualTo(session.energyWh() / 1000);

            List<MeterSample> samples = meterValues.forTransaction(tx);
            double lastEnergy = samples.stream().filter(s -> s.measurand() == null || s.measurand().startsWith("Energy"))
                    .mapToDouble(MeterSample::normalized).max().orElseThrow();
            assertThat(lastEnergy).isEqualTo((double) energy);
            assertThat(lastEnergy - meterStart).isEqualTo(session.energyWh());
        }
    }

    @Test
    void invalidStartVariablesOverRestStartNothingAndNameTheField() {
        Http http = chargers.http();
        HttpResponse<String> refused = http.postJson("/engine-rest/process-definition/key/charging-session/start",
                Http.basic(ADMIN, ADMIN_PASSWORD), """
                        {"variables": {"chargerId": {"value": "CP-1"}, "connectorId": {"value": 1, "type": "Integer"},
                                       "sessionEnergyKwh": {"value": "20 kWh", "type": "String"}}}""");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("sessionEnergyKwh: must be a number of kWh greater than 0");
        assertThat(sessions.activeOn("CP-1")).isEmpty();
    }
}
