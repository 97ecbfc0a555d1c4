package org.chargeflow.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.chargeflow.charger.ChargerRepository;
import org.chargeflow.events.ChargerEvents;
import org.chargeflow.idtag.IdTagRepository;
import org.chargeflow.session.ChargingSession;
import org.chargeflow.session.SessionRepository;
import org.chargeflow.session.SessionState;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.SimulatedCharger;
import org.chargeflow.support.TestChargers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/** Every path of the charging-session process, with a simulated charger over real OCPP-J and MariaDB. */
@IntegrationTest
class ChargingSessionProcessTest {

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
    IdTagRepository idTags;
    @Autowired
    ChargerRepository chargerRepository;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    ChargerEventsToProcesses eventsToProcesses;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChargerLanes lanes;
    @Autowired
    LiveFigures liveFigures;

    @BeforeEach
    void assertions() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void happyPathWithAPowerCapEndsWhenTheOperatorStops() {
        try (SimulatedCharger charger = pluggedIn("HAPPY")) {
            ProcessInstance session = start(charger, Map.of("sessionPowerKw", 11, "description", "Fleet van 7"));

            JsonNode remoteStart = charger.awaitCall("RemoteStartTransaction", WAIT).get(3);
            assertThat(remoteStart.get("connectorId").asInt()).isEqualTo(1);
            assertThat(remoteStart.at("/chargingProfile/chargingProfilePurpose").asText()).isEqualTo("TxProfile");
            assertThat(remoteStart.at("/chargingProfile/chargingSchedule/chargingRateUnit").asText()).isEqualTo("W");
            assertThat(remoteStart.at("/chargingProfile/chargingSchedule/chargingSchedulePeriod/0/limit").asDouble()).isEqualTo(11_000.0);
            int tx = charger.startTransaction(1, remoteStart.get("idTag").asText(), 1_000, Instant.now()).get("transactionId").asInt();
            assertThat(charger.authorize(remoteStart.get("idTag").asText()).at("/idTagInfo/status").asText()).isEqualTo("Accepted");

            awaitWaitingAt(session, "Charging");
            assertThat(task(session).getName()).isEqualTo("Charging · " + charger.id() + " / 1");
            assertThat(sessionOf(session).state()).isEqualTo(SessionState.CHARGING);
            assertThat(sessionOf(session).transactionId()).isEqualTo(tx);

            charger.meterValues(1, tx, 3_500, 7_200);
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(runtime.getVariable(session.getId(), "liveEnergyKwh")).isEqualTo(2.5));
            assertThat(runtime.getVariable(session.getId(), "livePowerKw")).isEqualTo(7.2);

            complete(task(session));
            JsonNode remoteStop = charger.awaitCall("RemoteStopTransaction", WAIT).get(3);
            assertThat(remoteStop.get("transactionId").asInt()).isEqualTo(tx);
            charger.stopTransaction(tx, 4_000, Instant.now(), "Remote");

            awaitEnded(session);
            assertThat(session).hasPassed("RequestStop", "StopConfirmed", "RecordOutcome").hasNotPassed("EnergyTargetReached");
            ChargingSession finished = sessionOf(session);
            assertThat(finished.state()).isEqualTo(SessionState.FINISHED);
            assertThat(finished.energyWh()).isEqualTo(3_000.0);
            assertThat(finished.stopReason()).isEqualTo("Stopped by the operator");
            assertThat(finished.description()).isEqualTo("Fleet van 7");
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(session.getId())
                    .variableNameLike(SessionVariables.LIVE_PREFIX + "%").count())
                    .as("live readings stay out of the history").isZero();
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(session.getId())
                    .variableName(SessionVariables.ENERGY_DELIVERED_KWH).singleResult().getValue())
                    .as("the outcome is kept").isEqualTo(3.0);
        }
    }

    @Test
    void theChargersAndTheConnectorsOwnLimitsCapThePower() {
        TestChargers.Registration limited = chargers.register("LIMITED", ",\"maxPowerKw\": 11");
        try (SimulatedCharger charger = chargers.connect(limited)) {
            charger.bootNotification();
            charger.statusNotification(1, "Preparing");
            charger.statusNotification(2, "Preparing");
            chargerRepository.setConnectorLimit(charger.id(), 2, new BigDecimal("3.7"));

            start(charger, Map.of("sessionPowerKw", 22));
            assertThat(charger.awaitCall("RemoteStartTransaction", WAIT)
                    .at("/3/chargingProfile/chargingSchedule/chargingSchedulePeriod/0/limit").asDouble())
                    .as("the charger's 11 kW, not the session's 22 kW").isEqualTo(11_000.0);

            ProcessInstance second = runtime.startProcessInstanceByKey("charging-session",
                    Map.of("chargerId", charger.id(), "connectorId", 2, "sessionPowerKw", 7.4));
            assertThat(charger.awaitCall("RemoteStartTransaction", WAIT)
                    .at("/3/chargingProfile/chargingSchedule/chargingSchedulePeriod/0/limit").asDouble())
                    .as("connector 2's own 3.7 kW").isEqualTo(3_700.0);
            assertThat(runtime.getVariable(second.getId(), "powerLimitText")).isEqualTo("3.7 kW (the charger's limit)");
        }
    }

    @Test
    void waitsForTheVehicleAndStartsWhenItIsPluggedIn() {
        try (SimulatedCharger charger = chargers.connectBooted("LATE")) {
            charger.statusNotification(1, "Available");
            ProcessInstance session = start(charger, Map.of());

            awaitWaitingAt(session, "ConnectVehicle");
            assertThat(sessionOf(session).state()).isEqualTo(SessionState.WAITING_FOR_VEHICLE);
            assertThat(task(session).getDueDate()).isAfter(Date.from(Instant.now()));

            charger.statusNotification(1, "Preparing");
            assertThat(charger.awaitCall("RemoteStartTransaction", WAIT).at("/3/chargingProfile").isMissingNode()).isTrue();
            assertThat(session).hasPassed("VehiclePluggedIn");
        }
    }

    /** Statuses during a transaction skip the lookup of a waiting session: the next session must not miss its vehicle. */
    @Test
    void theNextSessionOnAConnectorStillNoticesItsVehicleAfterATransactionThere() {
        try (SimulatedCharger charger = pluggedIn("AGAIN")) {
            ProcessInstance first = start(charger, Map.of());
            int tx = startCharging(charger, first, 1_000);
            charger.statusNotification(1, "Charging");
            charger.stopTransaction(tx, 2_000, Instant.now(), "EVDisconnected");
            awaitEnded(first);
            charger.statusNotification(1, "Available");

            ProcessInstance second = start(charger, Map.of());
            awaitWaitingAt(second, "ConnectVehicle");
            charger.statusNotification(1, "Preparing");

            assertThat(charger.awaitCall("RemoteStartTransaction", WAIT).at("/3/connectorId").asInt()).isEqualTo(1);
            assertThat(second).hasPassed("VehiclePluggedIn");
        }
    }

    @Test
    void meterValuesNamingAnotherChargersTransactionLeaveItsSessionAlone() throws Exception {
        try (SimulatedCharger charger = pluggedIn("OWNMV"); SimulatedCharger other = chargers.connectBooted("OTHERMV")) {
            ProcessInstance session = start(charger, Map.of());
            int tx = startCharging(charger, session, 1_000);

            other.meterValues(1, tx, 99_000, 50_000);
            CompletableFuture<Void> handledBefore = new CompletableFuture<>();
            lanes.run(other.id(), () -> handledBefore.complete(null));
            handledBefore.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            liveFigures.write();
            // Had it counted, as the session's first reading it would have refreshed the task at once.
            assertThat(runtime.getVariable(session.getId(), "liveEnergyKwh")).as("as at the start").isEqualTo(0.0);

            charger.meterValues(1, tx, 3_500, 7_200);

            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(runtime.getVariable(session.getId(), "liveEnergyKwh")).isEqualTo(2.5));
            assertThat(runtime.getVariable(session.getId(), "livePowerKw")).isEqualTo(7.2);
        }
    }

    @Test
    void vehicleNeverPluggedInGivesUpAfterTheTimeout() {
        try (SimulatedCharger charger = chargers.connectBooted("NOCAR")) {
            charger.statusNotification(1, "Available");
            ProcessInstance session = start(charger, Map.of());
            awaitWaitingAt(session, "ConnectVehicle");

            fireTimer(session);

            awaitEnded(session);
            assertThat(session).hasPassed("PlugInTimedOut", "CloseNoVehicle");
            assertThat(sessionOf(session).state()).isEqualTo(SessionState.REFUSED);
            assertThat(sessionOf(session).stopReason()).isEqualTo("No vehicle was connected within PT10M");
        }
    }

    @Test
    void chargerRejectingTheRemoteStartEndsTheSessionWithTheReason() {
        try (SimulatedCharger charger = pluggedIn("REJECT")) {
            charger.onCall("RemoteStartTransaction", p -> "{\"status\":\"Rejected\"}");
            ProcessInstance session = start(charger, Map.of());

            awaitEnded(session);
            assertThat(session).hasPassed("StartRefused", "CloseNotStarted");
            assertThat(sessionOf(session).state()).isEqualTo(SessionState.FAILED);
            assertThat(sessionOf(session).stopReason()).isEqualTo("Charger " + charger.id() + " rejected the remote start");
        }
    }

    @Test
    void aStartThatNeverComesTimesOut() {
        try (SimulatedCharger charger = pluggedIn("SLOW")) {
            ProcessInstance session = start(charger, Map.of());
            charger.awaitCall("RemoteStartTransaction", WAIT);
            awaitWaitingAt(session, "AwaitStart");

            fireTimer(session);

            awaitEnded(session);
            assertThat(session).hasPassed("StartTimedOut", "CloseNotStarted");
            assertThat(sessionOf(session).stopReason()).isEqualTo("The charger did not start charging within PT1M");
        }
    }

    @Test
    void chargerStoppingByItselfFinishesTheSession() {
        try (SimulatedCharger charger = pluggedIn("SELFSTOP")) {
            ProcessInstance session = start(charger, Map.of());
            int tx = startCharging(charger, session, 10_000);

            charger.stopTransaction(tx, 12_345, Instant.now(), "EVDisconnected");

            awaitEnded(session);
            assertThat(session).hasPassed("ChargerStopped", "RecordOutcome").hasNotPassed("RequestStop");
            ChargingSession finished = sessionOf(session);
            assertThat(finished.state()).isEqualTo(SessionState.FINISHED);
            assertThat(finished.energyWh()).isEqualTo(2_345.0);
            assertThat(finished.stopReason()).isEqualTo("Stopped by the charger (EVDisconnected)");
        }
    }

    @Test
    void reachingTheEnergyTargetStopsTheSessionWithinOnePercent() {
        try (SimulatedCharger charger = pluggedIn("TARGET")) {
            ProcessInstance session = start(charger, Map.of("sessionEnergyKwh", 5));
            int tx = startCharging(charger, session, 1_000);

            charger.meterValues(1, tx, 3_000, 11_000);
            charger.meterValues(1, tx, 5_000, 11_000);
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(session.getId()).singleResult()).isNotNull();
            charger.meterValues(1, tx, 5_990, 11_000);

            JsonNode remoteStop = charger.awaitCall("RemoteStopTransaction", WAIT);
            assertThat(remoteStop.at("/3/transactionId").asInt()).isEqualTo(tx);
            charger.stopTransaction(tx, 6_010, Instant.now(), "Remote");

            awaitEnded(session);
            assertThat(session).hasPassed("EnergyTargetReached", "RequestStop", "RecordOutcome");
            ChargingSession finished = sessionOf(session);
            assertThat(finished.energyWh()).isBetween(4_950.0, 5_050.0);
            assertThat(finished.stopReason()).isEqualTo("Energy target reached");
        }
    }

    @Test
    void aChargerOfflineLongerThanTheGraceEndsTheSessionAndItsLateStopIsStillRecorded() {
        SimulatedCharger charger = pluggedIn("OFFLINE");
        ProcessInstance session = start(charger, Map.of());
        int tx = startCharging(charger, session, 1_000);

        charger.close();
        awaitWaitingAt(session, "AwaitReconnect");
        fireTimer(session);

        awaitEnded(session);
        assertThat(session).hasPassed("ChargerWentOffline", "OfflineTooLong", "CloseOffline");
        assertThat(sessionOf(session).state()).isEqualTo(SessionState.FAILED);
        assertThat(sessionOf(session).stopReason()).isEqualTo("The charger was offline for longer than PT5M");

        // Back later, the charger reports the stop: the session keeps its outcome and gets its energy.
        events.publishEvent(new ChargerEvents.TransactionStopped(charger.id(), tx, 4_000, "PowerLoss", Instant.now()));
        await().atMost(WAIT).until(() -> sessionOf(session).energyWh(), energy -> energy != null && energy == 3_000.0);
        assertThat(sessionOf(session).state()).isEqualTo(SessionState.FAILED);
        assertThat(sessionOf(session).stopReason()).isEqualTo("The charger was offline for longer than PT5M");
    }

    @Test
    void aChargerBackWithinTheGraceKeepsCharging() {
        TestChargers.Registration cp = chargers.register("BLIP");
        SimulatedCharger first = chargers.connect(cp);
        first.bootNotification();
        first.statusNotification(1, "Preparing");
        ProcessInstance session = start(first, Map.of());
        startCharging(first, session, 0);

        first.close();
        awaitWaitingAt(session, "AwaitReconnect");
        try (SimulatedCharger again = chargers.connect(cp)) {
            awaitWaitingAt(session, "Charging");
            assertThat(session).hasPassed("ChargerBackOnline");
            assertThat(again.isOpen()).isTrue();
        }
    }

    @Test
    void aStopThatOvertakesTheReconnectionEndsTheSession() {
        SimulatedCharger charger = pluggedIn("OVERTAKE");
        ProcessInstance session = start(charger, Map.of());
        int tx = startCharging(charger, session, 1_000);

        charger.close();
        awaitWaitingAt(session, "AwaitReconnect");
        // What the charger's StopTransaction publishes when it is handled before its reconnection.
        events.publishEvent(new ChargerEvents.TransactionStopped(charger.id(), tx, 4_000, "EVDisconnected", Instant.now()));

        awaitEnded(session);
        assertThat(session).hasPassed("ChargerStoppedWhileOffline", "RecordOutcome").hasNotPassed("OfflineTooLong");
        assertThat(sessionOf(session).state()).isEqualTo(SessionState.FINISHED);
        assertThat(sessionOf(session).energyWh()).isEqualTo(3_000.0);
        assertThat(sessionOf(session).stopReason()).isEqualTo("Stopped by the charger (EVDisconnected)");
    }

    @Test
    void aStopStoredButNeverToldToTheProcessIsToldAtTheNextStart() {
        try (SimulatedCharger charger = pluggedIn("LOST")) {
            ProcessInstance session = start(charger, Map.of());
            int tx = startCharging(charger, session, 2_000);
            // As if the application had stopped right after storing the charger's StopTransaction.
            jdbc.sql("UPDATE charging_transaction SET meter_stop_wh = 5000, stopped_at = NOW(3), stop_reason = 'Local' WHERE id = ?")
                    .param(tx).update();

            eventsToProcesses.catchUpAfterStart();

            awaitEnded(session);
            assertThat(session).hasPassed("ChargerStopped", "RecordOutcome");
            assertThat(sessionOf(session).state()).isEqualTo(SessionState.FINISHED);
            assertThat(sessionOf(session).energyWh()).isEqualTo(3_000.0);
        }
    }

    @Test
    void aChargerThatRefusesTheStopHandsItToTheOperatorUntilItStops() {
        try (SimulatedCharger charger = pluggedIn("NOSTOP")) {
            charger.onCall("RemoteStopTransaction", payload -> "{\"status\": \"Rejected\"}");
            ProcessInstance session = start(charger, Map.of());
            int tx = startCharging(charger, session, 0);

            complete(task(session));
            awaitWaitingAt(session, "StopAtCharger");
            assertThat(task(session).getName()).isEqualTo("Stop charging at the charger · " + charger.id() + " / 1");
            assertThat(runtime.getVariable(session.getId(), "stopRefusal"))
                    .isEqualTo("Charger " + charger.id() + " rejected the remote stop");

            charger.stopTransaction(tx, 2_500, Instant.now(), "Local");
            awaitEnded(session);
            assertThat(session).hasPassed("StopRefused", "StoppedAtCharger", "RecordOutcome").hasNotPassed("StopTimedOut");
            assertThat(sessionOf(session).state()).isEqualTo(SessionState.FINISHED);
            assertThat(sessionOf(session).energyWh()).isEqualTo(2_500.0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"11 kW", "-3", "0", "abc"})
    void invalidCapsStartNothing(String power) {
        try (SimulatedCharger charger = pluggedIn("CAPS")) {
            Object value = power.matches("-?\\d+") ? Integer.parseInt(power) : power;
            long before = runtime.createProcessInstanceQuery().processDefinitionKey("charging-session").count();

            assertThatThrownBy(() -> start(charger, Map.of("sessionPowerKw", value)))
                    .isInstanceOf(InvalidVariable.class)
                    .hasMessageStartingWith("sessionPowerKw: must be a number of kW greater than 0");
            assertThatThrownBy(() -> start(charger, Map.of("sessionEnergyKwh", value)))
                    .hasMessageStartingWith("sessionEnergyKwh: must be a number of kWh greater than 0");
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("charging-session").count()).isEqualTo(before);
            assertThat(sessions.activeOn(charger.id())).isEmpty();
        }
    }

    @Test
    void aDisconnectedChargerIsRefusedAtOnceWithTheReason() {
        TestChargers.Registration cp = chargers.register("GONE");
        Map<String, Object> variables = new HashMap<>(Map.of("chargerId", cp.id(), "connectorId", 1));
        ProcessInstance session = runtime.startProcessInstanceByKey("charging-session", variables);

        assertThat(session).isEnded().hasPassed("CloseRefused");
        assertThat(sessionOf(session).state()).isEqualTo(SessionState.REFUSED);
        assertThat(sessionOf(session).stopReason())
                .isEqualTo("Charger " + cp.id() + " is disconnected: no action is possible until it reconnects");
    }

    @Test
    void aFaultedConnectorIsRefused() {
        try (SimulatedCharger charger = chargers.connectBooted("FAULT")) {
            charger.call("StatusNotification", "{\"connectorId\":1,\"errorCode\":\"GroundFailure\",\"status\":\"Faulted\"}");
            ProcessInstance session = start(charger, Map.of());
            assertThat(session).isEnded().hasPassed("CloseRefused");
            assertThat(sessionOf(session).stopReason()).isEqualTo("Connector 1 of " + charger.id() + " is Faulted (GroundFailure)");
        }
    }

    @Test
    void aSessionStartedAtTheChargerGetsItsOwnProcess() {
        try (SimulatedCharger charger = pluggedIn("RFID")) {
            String tag = "RFID" + Long.toHexString(System.nanoTime()).substring(0, 8);
            idTags.save(tag, "Accepted", null, null);
            int tx = charger.startTransaction(1, tag, 500, Instant.now()).get("transactionId").asInt();

            ChargingSession session = await().atMost(WAIT).until(() -> sessions.byTransaction(tx), Optional::isPresent).orElseThrow();
            assertThat(session.startedBy()).isEqualTo(ChargingSession.BY_CHARGER);
            ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceId(session.processInstanceId()).singleResult();
            assertThat(process).isWaitingAt("Charging").hasPassed("ChargerStartedSession");

            charger.stopTransaction(tx, 2_500, Instant.now(), "Local");
            awaitEnded(process);
            assertThat(sessions.byTransaction(tx).orElseThrow().energyWh()).isEqualTo(2_000.0);
        }
    }

    @Test
    void aChargerStartedSessionWhoseProcessCannotStartLeavesNoSessionBehind() throws Exception {
        try (SimulatedCharger charger = pluggedIn("NOPROC")) {
            String tag = "NP" + Long.toHexString(System.nanoTime()).substring(0, 8);
            idTags.save(tag, "Accepted", null, null);
            engine.getRepositoryService().suspendProcessDefinitionByKey("charging-session");
            try {
                int tx = charger.startTransaction(1, tag, 500, Instant.now()).get("transactionId").asInt();
                CompletableFuture<Void> handledBefore = new CompletableFuture<>();
                lanes.run(charger.id(), () -> handledBefore.complete(null));
                handledBefore.get(WAIT.toSeconds(), TimeUnit.SECONDS);

                assertThat(sessions.byTransaction(tx)).isEmpty();
                assertThat(sessions.activeOn(charger.id())).isEmpty();
            } finally {
                engine.getRepositoryService().activateProcessDefinitionByKey("charging-session");
            }
        }
    }

    private SimulatedCharger pluggedIn(String prefix) {
        SimulatedCharger charger = chargers.connectBooted(prefix);
        charger.statusNotification(1, "Preparing");
        return charger;
    }

    private ProcessInstance start(SimulatedCharger charger, Map<String, Object> extra) {
        Map<String, Object> variables = new HashMap<>(extra);
        variables.put("chargerId", charger.id());
        variables.put("connectorId", 1);
        return runtime.startProcessInstanceByKey("charging-session", variables);
    }

    /** Answers the remote start like a real charger: StartTransaction with the tag it was given. */
    private int startCharging(SimulatedCharger charger, ProcessInstance session, int meterStartWh) {
        JsonNode remoteStart = charger.awaitCall("RemoteStartTransaction", WAIT).get(3);
        int tx = charger.startTransaction(1, remoteStart.get("idTag").asText(), meterStartWh, Instant.now())
                .get("transactionId").asInt();
        awaitWaitingAt(session, "Charging");
        return tx;
    }

    private ChargingSession sessionOf(ProcessInstance process) {
        Long id = (Long) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(process.getId()).variableName("sessionId").singleResult().getValue();
        return sessions.find(id).orElseThrow();
    }

    private void fireTimer(ProcessInstance process) {
        Job timer = management.createJobQuery().processInstanceId(process.getId()).timers().singleResult();
        management.executeJob(timer.getId());
    }

    private static void awaitWaitingAt(ProcessInstance process, String activity) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(process).isWaitingAt(activity));
    }

    private static void awaitEnded(ProcessInstance process) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(process).isEnded());
    }
}
