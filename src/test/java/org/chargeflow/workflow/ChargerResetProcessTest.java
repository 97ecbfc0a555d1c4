package org.chargeflow.workflow;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.chargeflow.session.SessionRepository;
import org.chargeflow.session.SessionState;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.SimulatedCharger;
import org.chargeflow.support.TestChargers;
import org.chargeflow.transaction.TransactionRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** Every path of the charger-reset process against a simulated charger. */
@IntegrationTest
class ChargerResetProcessTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TestChargers chargers;
    @Autowired
    SessionRepository sessions;
    @Autowired
    TransactionRepository transactions;

    @BeforeEach
    void assertions() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void resetIsRefusedWhileAVehicleIsConnected() {
        try (SimulatedCharger charger = chargers.connectBooted("PLUGGED")) {
            charger.statusNotification(1, "Available");
            charger.statusNotification(2, "Preparing");
            ProcessInstance reset = reset(charger.id(), "Soft");

            assertThat(reset).isEnded().hasPassed("ResetRefused").hasNotPassed("SendReset");
            assertThat(reset).variables().containsEntry("refusalReason", "A vehicle is connected to connector 2 of "
                    + charger.id() + " (Preparing): unplug it before resetting");
            assertThat(charger.inbox()).isEmpty();
        }
    }

    @Test
    void resetIsRefusedWhileTheChargerIsDisconnected() {
        TestChargers.Registration cp = chargers.register("DISC");
        ProcessInstance reset = reset(cp.id(), "Hard");
        assertThat(reset).isEnded().hasPassed("ResetRefused");
        assertThat(reset).variables().containsEntry("refusalReason",
                "Charger " + cp.id() + " is disconnected: it cannot be reset until it reconnects");
    }

    @Test
    void invalidResetTypeStartsNothing() {
        assertThatThrownBy(() -> reset("CP-X", "Medium")).isInstanceOf(InvalidVariable.class)
                .hasMessage("resetType: must be Soft or Hard (got 'Medium')");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("charger-reset", Map.of("chargerId", "CP-X")))
                .isInstanceOf(InvalidVariable.class).hasMessage("resetType: must be Soft or Hard (it is missing)");
    }

    @Test
    void resetSendsResetWaitsForTheBootAndClearsStaleState() {
        try (SimulatedCharger charger = chargers.connectBooted("RESET")) {
            charger.statusNotification(1, "Available");
            // Stale state: a session waiting for a vehicle, and a transaction the charger never stopped.
            ProcessInstance waiting = runtime.startProcessInstanceByKey("charging-session",
                    Map.of("chargerId", charger.id(), "connectorId", 1));
            assertThat(waiting).isWaitingAt("ConnectVehicle");
            int staleTx = charger.startTransaction(1, "STALE", 0, Instant.now().minusSeconds(3600)).get("transactionId").asInt();

            ProcessInstance reset = reset(charger.id(), "Hard");

            assertThat(charger.awaitCall("Reset", WAIT).at("/3/type").asText()).isEqualTo("Hard");
            assertThat(waiting).isEnded().hasPassed("ChargerResetWhileWaiting", "CloseReset");
            assertThat(sessions.inState(SessionState.WAITING_FOR_VEHICLE)).noneMatch(s -> s.chargerId().equals(charger.id()));
            assertThat(transactions.find(staleTx).orElseThrow().stopReason()).isEqualTo("reset");
            await().atMost(WAIT).untilAsserted(() -> assertThat(reset).isWaitingAt("AwaitReboot"));

            charger.bootNotification();

            await().atMost(WAIT).untilAsserted(() -> assertThat(reset).isEnded());
            assertThat(reset).hasPassed("ChargerBooted", "RecordRestarted");
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(reset.getId())
                    .variableName("resetOutcome").singleResult().getValue()).isEqualTo("RESTARTED");
        }
    }

    @Test
    void aChargerThatRejectsTheResetIsRecorded() {
        try (SimulatedCharger charger = chargers.connectBooted("NORESET")) {
            charger.onCall("Reset", p -> "{\"status\":\"Rejected\"}");
            ProcessInstance reset = reset(charger.id(), "Soft");
            await().atMost(WAIT).untilAsserted(() -> assertThat(reset).isEnded());
            assertThat(reset).hasPassed("ResetRejected", "RecordRejected");
        }
    }

    @Test
    void aChargerThatDoesNotComeBackIsRecorded() {
        try (SimulatedCharger charger = chargers.connectBooted("NOBOOT")) {
            ProcessInstance reset = reset(charger.id(), "Soft");
            charger.awaitCall("Reset", WAIT);
            await().atMost(WAIT).untilAsserted(() -> assertThat(reset).isWaitingAt("AwaitReboot"));

            management.executeJob(management.createJobQuery().processInstanceId(reset.getId()).timers().singleResult().getId());

            assertThat(reset).isEnded().hasPassed("RebootTimedOut", "RecordNoBoot");
        }
    }

    private ProcessInstance reset(String chargerId, String type) {
        return runtime.startProcessInstanceByKey("charger-reset", Map.of("chargerId", chargerId, "resetType", type));
    }
}
