package org.chargeflow.workflow;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.chargeflow.charger.Charger;
import org.chargeflow.charger.ChargerRepository;
import org.chargeflow.idtag.IdTagRepository;
import org.chargeflow.support.Api;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.SimulatedCharger;
import org.chargeflow.support.TestChargers;
import org.chargeflow.vehicle.Vehicle;
import org.chargeflow.vehicle.VehicleRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.chargeflow.support.IntegrationTest.ADMIN;
import static org.chargeflow.support.IntegrationTest.ADMIN_PASSWORD;

/** The everyday changes operators make from Tasklist: "Register a charger" and "Add a vehicle". */
@IntegrationTest
class FleetProcessesTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    ChargerRepository chargers;
    @Autowired
    VehicleRepository vehicles;
    @Autowired
    IdTagRepository idTags;
    @Autowired
    TestChargers testChargers;

    @BeforeEach
    void assertions() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void registeringAChargerShowsItsCredentialsOnceAndTheyWork() {
        Api admin = new Api(testChargers.http(), ADMIN, ADMIN_PASSWORD);
        String location = "Depot " + UUID.randomUUID().toString().substring(0, 8);
        long locationId = admin.post("/api/locations", "{\"name\": \"%s\", \"timeZone\": \"UTC\"}".formatted(location))
                .body().get("id").asLong();
        String id = unique("REG");

        ProcessInstance process = runtime.startProcessInstanceByKey("register-charger", Map.of(
                "chargerId", id, "chargerName", "Bay 9", "locationName", location, "maxPowerKw", 22L));

        assertThat(process).isWaitingAt("ConfigureCharger");
        assertThat(task(process).getName()).isEqualTo("Configure the charger · " + id);
        assertThat(task(process).getDueDate()).isNotNull();
        Charger registered = chargers.find(id).orElseThrow();
        assertThat(registered.name()).isEqualTo("Bay 9");
        assertThat(registered.locationId()).isEqualTo(locationId);
        assertThat(registered.maxPowerKw()).isEqualByComparingTo("22");
        assertThat((String) runtime.getVariable(process.getId(), "ocppUrl")).endsWith("/ocpp/" + id);
        String password = (String) runtime.getVariable(process.getId(), "chargerPassword");
        try (SimulatedCharger charger = testChargers.connect(new TestChargers.Registration(id, password))) {
            assertThat(charger.bootNotification().get("status").asText()).isEqualTo("Accepted");
        }

        complete(task(process));
        assertThat(process).isEnded().hasPassed("ChargerRegistered");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .variableName("chargerPassword").count()).as("the password never reaches the history").isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceId(process.getId()).variableUpdates().list())
                .noneMatch(d -> d.toString().contains(password));
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .variableName("ocppUrl").count()).isOne();
    }

    @Test
    void unclaimedCredentialsAreWithdrawnAfterAnHour() {
        ProcessInstance process = runtime.startProcessInstanceByKey("register-charger", Map.of("chargerId", unique("LATE")));
        management.executeJob(management.createJobQuery().processInstanceId(process.getId()).timers().singleResult().getId());
        assertThat(process).isEnded().hasPassed("CredentialsWithdrawn");
    }

    @Test
    void invalidChargerDetailsStartNothing() {
        String id = unique("BAD");
        assertThatThrownBy(() -> registerCharger(Map.of("chargerId", "has space")))
                .isInstanceOf(InvalidVariable.class).hasMessageStartingWith("chargerId:");
        assertThatThrownBy(() -> registerCharger(Map.of("chargerId", id, "locationName", "Nowhere at all")))
                .isInstanceOf(InvalidVariable.class).hasMessageStartingWith("locationName: must be the name of an existing location");
        assertThatThrownBy(() -> registerCharger(Map.of("chargerId", id, "maxPowerKw", -3)))
                .isInstanceOf(InvalidVariable.class).hasMessageStartingWith("maxPowerKw: a number greater than 0");
        assertThatThrownBy(() -> registerCharger(Map.of("chargerId", id, "maxPowerKw", "lots")))
                .isInstanceOf(InvalidVariable.class).hasMessageStartingWith("maxPowerKw: must be a plain number");
        assertThat(chargers.find(id)).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("register-charger")
                .variableValueEquals("chargerId", id).count()).isZero();

        registerCharger(Map.of("chargerId", id));
        assertThatThrownBy(() -> registerCharger(Map.of("chargerId", id)))
                .isInstanceOf(InvalidVariable.class).hasMessageContaining("already exists");
    }

    @Test
    void addingAVehicleStoresItWithItsCard() {
        String card = "CARD" + UUID.randomUUID().toString().substring(0, 8);
        String vin = "WVWZZZ1JZ3W" + (100_000 + (int) (Math.random() * 899_999));
        ProcessInstance process = runtime.startProcessInstanceByKey("add-vehicle", Map.of(
                "vehicleName", "Van 12", "vin", vin, "batteryKwh", 77.0, "maxAcKw", 11L, "idTag", card));

        assertThat(process).isEnded().hasPassed("VehicleAdded");
        Vehicle vehicle = vehicles.find((Long) history.createHistoricVariableInstanceQuery()
                .processInstanceId(process.getId()).variableName("vehicleId").singleResult().getValue()).orElseThrow();
        assertThat(vehicle.name()).isEqualTo("Van 12");
        assertThat(vehicle.batteryKwh()).isEqualByComparingTo("77");
        assertThat(vehicle.idTags()).containsExactly(card);
        assertThat(idTags.authorize(card).accepted()).isTrue();

        int fleetSize = vehicles.all().size();
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("add-vehicle", Map.of("vehicleName", "Twin", "vin", vin)))
                .isInstanceOf(InvalidVariable.class).hasMessageContaining(vin).hasMessageStartingWith("vin");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("add-vehicle", Map.of("vehicleName", "Same card", "idTag", card)))
                .as("the card is taken, so the vehicle is not stored either")
                .isInstanceOf(InvalidVariable.class).hasMessageStartingWith("idTag");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("add-vehicle", Map.of("vin", "SHORT")))
                .isInstanceOf(InvalidVariable.class).hasMessageStartingWith("vehicleName: is required");
        assertThat(vehicles.all()).hasSize(fleetSize);
    }

    @Test
    void theRestApiAnswersBadStartVariablesWith400() {
        Api admin = new Api(testChargers.http(), ADMIN, ADMIN_PASSWORD);
        Api.Answer refused = admin.post("/engine-rest/process-definition/key/add-vehicle/start",
                "{\"variables\": {\"vehicleName\": {\"value\": \"Bad\"}, \"batteryKwh\": {\"value\": -1, \"type\": \"Double\"}}}");
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.message()).startsWith("batteryKwh: a number greater than 0");
    }

    private ProcessInstance registerCharger(Map<String, Object> variables) {
        return runtime.startProcessInstanceByKey("register-charger", new HashMap<>(variables));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
