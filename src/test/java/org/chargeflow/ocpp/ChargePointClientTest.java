package org.chargeflow.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import org.chargeflow.ocpp.v16.*; // every message type is exercised here
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.SimulatedCharger;
import org.chargeflow.support.TestChargers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every call the central system can make, sent to a simulated charger over real OCPP-J. */
@IntegrationTest
class ChargePointClientTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    TestChargers chargers;
    @Autowired
    ChargePointClient client;

    @Test
    void remoteStartWithAChargingProfileReachesTheCharger() throws Exception {
        try (SimulatedCharger charger = chargers.connectBooted("CALLS")) {
            var profile = new ChargingProfile(1, null, 0, ChargingProfilePurposeType.TxProfile,
                    ChargingProfileKindType.Relative, null, null, null,
                    new ChargingSchedule(null, null, ChargingRateUnitType.W, List.of(new ChargingSchedulePeriod(0, 11000.0, null)), null));
            RemoteStartTransaction.Confirmation confirmation = get(client.call(charger.id(),
                    new RemoteStartTransaction.Request(1, "OPERATOR", profile)));

            assertThat(confirmation.status()).isEqualTo(RemoteStartStopStatus.Accepted);
            JsonNode call = charger.awaitCall("RemoteStartTransaction", WAIT).get(3);
            assertThat(call.get("idTag").asText()).isEqualTo("OPERATOR");
            assertThat(call.at("/chargingProfile/chargingProfilePurpose").asText()).isEqualTo("TxProfile");
            assertThat(call.at("/chargingProfile/chargingSchedule/chargingSchedulePeriod/0/limit").asDouble()).isEqualTo(11000.0);
        }
    }

    @Test
    void everyCentralSystemCallGetsItsTypedConfirmation() throws Exception {
        try (SimulatedCharger charger = chargers.connectBooted("ALL")) {
            String id = charger.id();
            charger.onCall("GetConfiguration", p -> "{\"configurationKey\":[{\"key\":\"HeartbeatInterval\",\"readonly\":false,\"value\":\"300\"}],\"unknownKey\":[\"Nope\"]}");
            charger.onCall("GetLocalListVersion", p -> "{\"listVersion\":7}");
            charger.onCall("GetDiagnostics", p -> "{\"fileName\":\"diag.zip\"}");
            charger.onCall("UnlockConnector", p -> "{\"status\":\"Unlocked\"}");

            assertThat(get(client.call(id, new RemoteStopTransaction.Request(5))).status()).isEqualTo(RemoteStartStopStatus.Accepted);
            assertThat(get(client.call(id, new Reset.Request(ResetType.Soft))).status()).isEqualTo(ResetStatus.Accepted);
            assertThat(get(client.call(id, new ChangeAvailability.Request(1, AvailabilityType.Inoperative))).status())
                    .isEqualTo(AvailabilityStatus.Accepted);
            assertThat(get(client.call(id, new UnlockConnector.Request(1))).status()).isEqualTo(UnlockStatus.Unlocked);
            assertThat(get(client.call(id, new SetChargingProfile.Request(1, txProfile()))).status())
                    .isEqualTo(ChargingProfileStatus.Accepted);
            assertThat(get(client.call(id, new ClearChargingProfile.Request(null, 1, ChargingProfilePurposeType.TxProfile, null))).status())
                    .isEqualTo(ClearChargingProfileStatus.Accepted);
            assertThat(get(client.call(id, new GetCompositeSchedule.Request(1, 3600, ChargingRateUnitType.W))).status())
                    .isEqualTo(GetCompositeScheduleStatus.Accepted);
            assertThat(get(client.call(id, new TriggerMessage.Request(MessageTrigger.StatusNotification, 1))).status())
                    .isEqualTo(TriggerMessageStatus.Accepted);
            GetConfiguration.Confirmation configuration = get(client.call(id, new GetConfiguration.Request(List.of("HeartbeatInterval", "Nope"))));
            assertThat(configuration.configurationKey()).singleElement().satisfies(k -> assertThat(k.value()).isEqualTo("300"));
            assertThat(configuration.unknownKey()).containsExactly("Nope");
            assertThat(get(client.call(id, new ChangeConfiguration.Request("HeartbeatInterval", "60"))).status())
                    .isEqualTo(ConfigurationStatus.Accepted);
            assertThat(get(client.call(id, new ClearCache.Request())).status()).isEqualTo(ClearCacheStatus.Accepted);
            assertThat(get(client.call(id, new ReserveNow.Request(1, Instant.now().plusSeconds(600), "TAG", null, 42))).status())
                    .isEqualTo(ReservationStatus.Accepted);
            assertThat(get(client.call(id, new CancelReservation.Request(42))).status()).isEqualTo(CancelReservationStatus.Accepted);
            assertThat(get(client.call(id, new SendLocalList.Request(8, List.of(new AuthorizationData("TAG",
                    new IdTagInfo(null, null, AuthorizationStatus.Accepted))), UpdateType.Full))).status())
                    .isEqualTo(UpdateStatus.Accepted);
            assertThat(get(client.call(id, new GetLocalListVersion.Request())).listVersion()).isEqualTo(7);
            assertThat(get(client.call(id, new UpdateFirmware.Request("https://firmware.example/fw.bin", 3, Instant.now(), 60))))
                    .isNotNull();
            assertThat(get(client.call(id, new GetDiagnostics.Request("ftp://diag.example/", 1, 30, null, null))).fileName())
                    .isEqualTo("diag.zip");
            assertThat(get(client.call(id, new DataTransfer.Request("com.acme", "ping", "hello"))).status())
                    .isEqualTo(DataTransferStatus.Accepted);

            assertThat(charger.awaitCall("Reset", WAIT).get(3).get("type").asText()).isEqualTo("Soft");
            assertThat(charger.awaitCall("ChangeAvailability", WAIT).get(3).get("type").asText()).isEqualTo("Inoperative");
            assertThat(charger.awaitCall("UpdateFirmware", WAIT).get(3).get("location").asText()).endsWith("fw.bin");
        }
    }

    @Test
    void aCallToADisconnectedChargerFailsAtOnce() {
        TestChargers.Registration cp = chargers.register("OFFLINE");
        CompletableFuture<Reset.Confirmation> call = client.call(cp.id(), new Reset.Request(ResetType.Hard));
        assertThat(call).isCompletedExceptionally();
        assertThatThrownBy(call::join).hasCauseInstanceOf(ChargerNotConnectedException.class)
                .hasMessageContaining(cp.id()).hasMessageContaining("not connected");
    }

    @Test
    void aCallErrorFromTheChargerFailsTheCallWithItsCode() {
        try (SimulatedCharger charger = chargers.connectBooted("ERR")) {
            charger.onCallError("Reset", "NotSupported", "no resets here");
            assertThatThrownBy(() -> get(client.call(charger.id(), new Reset.Request(ResetType.Hard))))
                    .cause().isInstanceOf(ChargerCallException.class)
                    .hasMessageContaining("NotSupported").hasMessageContaining("no resets here")
                    .satisfies(e -> assertThat(((ChargerCallException) e).errorCode()).isEqualTo("NotSupported"));
        }
    }

    @Test
    void anInvalidConfirmationIsRejected() {
        try (SimulatedCharger charger = chargers.connectBooted("INVALID")) {
            charger.onCall("Reset", p -> "{\"status\":\"Maybe\"}");
            assertThatThrownBy(() -> get(client.call(charger.id(), new Reset.Request(ResetType.Soft))))
                    .cause().isInstanceOf(ChargerCallException.class).hasMessageContaining("invalid confirmation");
        }
    }

    @Test
    void callsGoOutOneAtATimeAndAnUnansweredOneTimesOut() throws Exception {
        try (SimulatedCharger charger = chargers.connectBooted("QUEUE")) {
            charger.onCallIgnore("Reset");
            CompletableFuture<Reset.Confirmation> reset = client.call(charger.id(), new Reset.Request(ResetType.Soft));
            CompletableFuture<ClearCache.Confirmation> clearCache = client.call(charger.id(), new ClearCache.Request());

            charger.awaitCall("Reset", WAIT);
            assertThat(clearCache).as("waits behind the unanswered Reset").isNotDone();
            assertThatThrownBy(() -> reset.get(WAIT.toSeconds(), TimeUnit.SECONDS)).cause()
                    .isInstanceOf(ChargerCallException.class)
                    .hasMessage("Charger " + charger.id() + " did not answer Reset within 3 s");
            assertThat(get(clearCache).status()).isEqualTo(ClearCacheStatus.Accepted);
            assertThat(charger.awaitCall("ClearCache", WAIT)).isNotNull();
        }
    }

    @Test
    void pendingCallsFailWhenTheChargerDisconnects() {
        SimulatedCharger charger = chargers.connectBooted("GONE");
        charger.onCallIgnore("Reset");
        CompletableFuture<Reset.Confirmation> reset = client.call(charger.id(), new Reset.Request(ResetType.Soft));
        charger.awaitCall("Reset", WAIT);
        charger.close();
        assertThatThrownBy(() -> reset.get(WAIT.toSeconds(), TimeUnit.SECONDS)).cause()
                .isInstanceOf(ChargerNotConnectedException.class);
    }

    private static ChargingProfile txProfile() {
        return new ChargingProfile(2, 7, 0, ChargingProfilePurposeType.TxProfile, ChargingProfileKindType.Absolute,
                null, null, null, new ChargingSchedule(null, Instant.now(), ChargingRateUnitType.A,
                List.of(new ChargingSchedulePeriod(0, 16.0, 3)), null));
    }

    private static <T> T get(CompletableFuture<T> future) throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
