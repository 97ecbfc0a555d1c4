package org.chargeflow.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import org.chargeflow.events.ChargerEvents;
import org.chargeflow.idtag.IdTagRepository;
import org.chargeflow.meter.MeterSample;
import org.chargeflow.meter.MeterValueRepository;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.RecordedEvents;
import org.chargeflow.support.SimulatedCharger;
import org.chargeflow.support.TestChargers;
import org.chargeflow.transaction.ChargingTransaction;
import org.chargeflow.transaction.TransactionRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message a charge point sends, over real OCPP-J: stored before it is answered, then published. */
@IntegrationTest
class ChargePointMessagesTest {

    @Autowired
    TestChargers chargers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdTagRepository idTags;
    @Autowired
    TransactionRepository transactions;
    @Autowired
    MeterValueRepository meterValues;
    @Autowired
    RecordedEvents events;

    @Test
    void bootNotificationIsAcceptedAndWhatTheChargerSaysIsStored() {
        TestChargers.Registration cp = chargers.register("BOOT");
        try (SimulatedCharger charger = chargers.connect(cp)) {
            JsonNode answer = charger.call("BootNotification", """
                    {"chargePointVendor":"ACME","chargePointModel":"Wallbox 22","chargePointSerialNumber":"SN-1",
                     "firmwareVersion":"1.2.3","meterType":"EM-7"}""").get(2);

            assertThat(answer.get("status").asText()).isEqualTo("Accepted");
            assertThat(answer.get("interval").asInt()).isEqualTo(300);
            assertThat(Instant.parse(answer.get("currentTime").asText())).isCloseTo(Instant.now(), within(60));
            var row = jdbc.sql("SELECT vendor, model, charge_point_serial, firmware_version, meter_type "
                    + "FROM charger WHERE id = ? AND last_boot IS NOT NULL").param(cp.id()).query().listOfRows();
            assertThat(row).singleElement().satisfies(r ->
                    assertThat(r.values()).containsExactly("ACME", "Wallbox 22", "SN-1", "1.2.3", "EM-7"));
            events.await(ChargerEvents.Booted.class, e -> e.chargerId().equals(cp.id()));
        }
    }

    @Test
    void heartbeatAnswersTheTime() {
        try (SimulatedCharger charger = chargers.connectBooted("HB")) {
            assertThat(Instant.parse(charger.heartbeat().get("currentTime").asText())).isCloseTo(Instant.now(), within(60));
        }
    }

    @Test
    void statusNotificationIsStoredBeforeItIsAnswered() {
        try (SimulatedCharger charger = chargers.connectBooted("STATUS")) {
            JsonNode frame = charger.call("StatusNotification", """
                    {"connectorId":2,"errorCode":"GroundFailure","status":"Faulted","info":"RCD tripped",
                     "vendorId":"ACME","vendorErrorCode":"E42","timestamp":"2026-01-02T03:04:05.678Z"}""");
            assertThat(frame.get(0).asInt()).isEqualTo(3);

            // No waiting: the answer came, so the row must already be there.
            var row = jdbc.sql("SELECT status, error_code, info, vendor_id, vendor_error_code, status_at FROM connector "
                    + "WHERE charger_id = ? AND connector_id = 2").param(charger.id()).query().listOfRows().get(0);
            assertThat(row.get("status")).isEqualTo("Faulted");
            assertThat(row.get("error_code")).isEqualTo("GroundFailure");
            assertThat(row.get("info")).isEqualTo("RCD tripped");
            assertThat(row.get("vendor_id")).isEqualTo("ACME");
            assertThat(row.get("vendor_error_code")).isEqualTo("E42");
            assertThat(((java.sql.Timestamp) row.get("status_at")).toInstant()).isEqualTo("2026-01-02T03:04:05.678Z");
            events.await(ChargerEvents.ConnectorStatusChanged.class,
                    e -> e.chargerId().equals(charger.id()) && e.connectorId() == 2 && e.status().equals("Faulted"));

            charger.statusNotification(0, "Available");
            assertThat(jdbc.sql("SELECT status FROM connector WHERE charger_id = ? AND connector_id = 0")
                    .param(charger.id()).query(String.class).single()).isEqualTo("Available");
        }
    }

    @Test
    void authorizeAnswersFromTheIdTagTable() {
        String parent = tag("PARENT");
        String ok = tag("OK");
        String blocked = tag("BLOCKED");
        String expired = tag("OLD");
        idTags.save(ok, "Accepted", null, parent);
        idTags.save(blocked, "Blocked", null, null);
        idTags.save(expired, "Accepted", Instant.now().minus(1, ChronoUnit.DAYS), null);
        try (SimulatedCharger charger = chargers.connectBooted("AUTHZ")) {
            JsonNode accepted = charger.authorize(ok).get("idTagInfo");
            assertThat(accepted.get("status").asText()).isEqualTo("Accepted");
            assertThat(accepted.get("parentIdTag").asText()).isEqualTo(parent);
            assertThat(charger.authorize(blocked).get("idTagInfo").get("status").asText()).isEqualTo("Blocked");
            assertThat(charger.authorize(expired).get("idTagInfo").get("status").asText()).isEqualTo("Expired");
            assertThat(charger.authorize(tag("NOBODY")).get("idTagInfo").get("status").asText()).isEqualTo("Invalid");
        }
    }

    @Test
    void startTransactionGetsAnIdFromTheDatabaseAndAResendGetsTheSameOne() {
        String tag = tag("START");
        idTags.save(tag, "Accepted", null, null);
        try (SimulatedCharger charger = chargers.connectBooted("START")) {
            Instant startedAt = Instant.parse("2026-03-04T05:06:07.123Z");
            JsonNode first = charger.startTransaction(1, tag, 1_000, startedAt);
            JsonNode resent = charger.startTransaction(1, tag, 1_000, startedAt);

            int id = first.get("transactionId").asInt();
            assertThat(first.get("idTagInfo").get("status").asText()).isEqualTo("Accepted");
            assertThat(resent.get("transactionId").asInt()).isEqualTo(id);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM charging_transaction WHERE charger_id = ?").param(charger.id())
                    .query(Integer.class).single()).isOne();
            ChargingTransaction stored = transactions.find(id).orElseThrow();
            assertThat(stored.running()).isTrue();
            assertThat(stored.meterStartWh()).isEqualTo(1_000);
            assertThat(stored.startedAt()).isEqualTo(startedAt);
            events.await(ChargerEvents.TransactionStarted.class, e -> e.transactionId() == id && e.authorized());

            // The same tag on another connector while this one runs: ConcurrentTx, yet recorded.
            JsonNode concurrent = charger.startTransaction(2, tag, 0, startedAt.plusSeconds(5));
            assertThat(concurrent.get("idTagInfo").get("status").asText()).isEqualTo("ConcurrentTx");
        }
    }

    @Test
    void anUnknownTagStillGetsATransactionButIsTurnedDown() {
        try (SimulatedCharger charger = chargers.connectBooted("UNKNOWN")) {
            JsonNode answer = charger.startTransaction(1, tag("STRANGER"), 0, Instant.now());
            assertThat(answer.get("idTagInfo").get("status").asText()).isEqualTo("Invalid");
            assertThat(transactions.find(answer.get("transactionId").asInt()).orElseThrow().idTagStatus()).isEqualTo("Invalid");
        }
    }

    @Test
    void meterValuesAreKeptExactlyAsSentWithANormalizedReading() {
        try (SimulatedCharger charger = chargers.connectBooted("METER")) {
            int tx = charger.startTransaction(1, tag("M"), 0, Instant.now()).get("transactionId").asInt();
            charger.call("MeterValues", """
                    {"connectorId":1,"transactionId":%d,"meterValue":[{"timestamp":"2026-05-06T07:08:09Z","sampledValue":[
                      {"value":"12.345","unit":"kWh","context":"Sample.Periodic","location":"Outlet"},
                      {"value":"7400","measurand":"Power.Active.Import","unit":"W"},
                      {"value":"2.4","measurand":"Power.Active.Import","unit":"kW","phase":"L1"},
                      {"value":"16.1","measurand":"Current.Import","unit":"A","phase":"L2"},
                      {"value":"80","measurand":"SoC","unit":"Percent","location":"EV"}]}]}""".formatted(tx));

            List<MeterSample> stored = meterValues.forTransaction(tx);
            assertThat(stored).hasSize(5);
            assertThat(stored.get(0)).satisfies(s -> {
                assertThat(s.value()).isEqualTo("12.345");
                assertThat(s.measurand()).isNull(); // as sent: the default applies, it is not invented
                assertThat(s.unit()).isEqualTo("kWh");
                assertThat(s.context()).isEqualTo("Sample.Periodic");
                assertThat(s.location()).isEqualTo("Outlet");
                assertThat(s.normalized()).isEqualTo(12_345.0);
            });
            assertThat(stored.get(1).normalized()).isEqualTo(7_400.0);
            assertThat(stored.get(2).normalized()).isEqualTo(2_400.0);
            assertThat(stored.get(2).phase()).isEqualTo("L1");
            assertThat(stored.get(3).normalized()).isNull();
            assertThat(stored.get(4).value()).isEqualTo("80");

            var readings = events.await(ChargerEvents.MeterReadings.class, e -> tx == e.transactionId());
            assertThat(readings.energyWh()).isEqualTo(12_345.0);
            assertThat(readings.powerW()).isEqualTo(7_400.0);
        }
    }

    /** Signed meter values (OCMF and the like) are long strings; OCPP sets no limit, the database does. */
    @Test
    void longSignedValuesAreKeptAndOneTooLongToStoreIsRefusedWithNothingStored() {
        try (SimulatedCharger charger = chargers.connectBooted("SIGNED")) {
            int tx = charger.startTransaction(1, tag("SG"), 0, Instant.now()).get("transactionId").asInt();
            String signed = "OCMF|" + "A".repeat(3_000);
            JsonNode kept = charger.call("MeterValues", signedMeterValues(tx, signed));
            assertThat(kept.get(0).asInt()).isEqualTo(3);
            assertThat(meterValues.forTransaction(tx)).singleElement().satisfies(s -> {
                assertThat(s.value()).isEqualTo(signed);
                assertThat(s.format()).isEqualTo("SignedData");
                assertThat(s.normalized()).isNull();
            });

            JsonNode refused = charger.call("MeterValues",
                    signedMeterValues(tx, "A".repeat(MeterSample.MAX_VALUE_LENGTH + 1)));
            assertThat(refused.get(0).asInt()).isEqualTo(4);
            assertThat(refused.get(2).asText()).isEqualTo("PropertyConstraintViolation");
            assertThat(refused.get(3).asText()).contains(String.valueOf(MeterSample.MAX_VALUE_LENGTH));
            assertThat(meterValues.forTransaction(tx)).hasSize(1);

            // A stop is accepted whatever it carries: the value too long to store is left out, the rest is kept.
            JsonNode stop = charger.call("StopTransaction", """
                    {"transactionId":%d,"meterStop":900,"timestamp":"2026-06-01T11:00:00Z","transactionData":[
                     {"timestamp":"2026-06-01T11:00:00Z","sampledValue":[{"value":"%s","format":"SignedData"},
                      {"value":"900","context":"Transaction.End"}]}]}""".formatted(tx, "A".repeat(MeterSample.MAX_VALUE_LENGTH + 1)));
            assertThat(stop.get(0).asInt()).isEqualTo(3);
            assertThat(transactions.find(tx).orElseThrow().meterStopWh()).isEqualTo(900);
            assertThat(meterValues.forTransaction(tx)).hasSize(2).last()
                    .satisfies(s -> assertThat(s.context()).isEqualTo("Transaction.End"));
        }
    }

    private static String signedMeterValues(int transactionId, String value) {
        return """
                {"connectorId":1,"transactionId":%d,"meterValue":[{"timestamp":"2026-05-06T07:08:09Z","sampledValue":[
                  {"value":"%s","format":"SignedData","context":"Sample.Periodic"}]}]}""".formatted(transactionId, value);
    }

    @Test
    void stopTransactionRecordsTheEndAndItsTransactionData() {
        try (SimulatedCharger charger = chargers.connectBooted("STOP")) {
            Instant start = Instant.parse("2026-06-01T10:00:00Z");
            String tag = tag("S");
            int tx = charger.startTransaction(1, tag, 500, start).get("transactionId").asInt();
            JsonNode frame = charger.call("StopTransaction", """
                    {"transactionId":%d,"meterStop":9500,"timestamp":"2026-06-01T11:00:00Z","reason":"EVDisconnected",
                     "idTag":"%s","transactionData":[{"timestamp":"2026-06-01T11:00:00Z",
                     "sampledValue":[{"value":"9500","context":"Transaction.End"}]}]}""".formatted(tx, tag));
            assertThat(frame.get(2).get("idTagInfo").get("status").asText()).isEqualTo("Invalid");

            ChargingTransaction stopped = transactions.find(tx).orElseThrow();
            assertThat(stopped.running()).isFalse();
            assertThat(stopped.meterStopWh()).isEqualTo(9_500);
            assertThat(stopped.stopReason()).isEqualTo("EVDisconnected");
            assertThat(meterValues.forTransaction(tx)).singleElement()
                    .satisfies(s -> assertThat(s.context()).isEqualTo("Transaction.End"));
            events.await(ChargerEvents.TransactionStopped.class, e -> e.transactionId() == tx && e.meterStopWh() == 9_500);

            // A stop for a transaction nobody knows is still confirmed, so the charger does not retry forever.
            assertThat(charger.stopTransaction(999_999, 1, Instant.now(), "Local")).isNotNull();
        }
    }

    @Test
    void dataTransferDiagnosticsAndFirmwareReportsAreKept() {
        try (SimulatedCharger charger = chargers.connectBooted("REPORT")) {
            JsonNode transfer = charger.call("DataTransfer", "{\"vendorId\":\"com.acme\",\"messageId\":\"x\",\"data\":\"hello\"}");
            assertThat(transfer.get(2).get("status").asText()).isEqualTo("UnknownVendorId");
            assertThat(charger.call("DiagnosticsStatusNotification", "{\"status\":\"Uploaded\"}").get(0).asInt()).isEqualTo(3);
            assertThat(charger.call("FirmwareStatusNotification", "{\"status\":\"Installed\"}").get(0).asInt()).isEqualTo(3);

            assertThat(jdbc.sql("SELECT action FROM charger_event WHERE charger_id = ? ORDER BY id").param(charger.id())
                    .query(String.class).list())
                    .containsExactly("DataTransfer", "DiagnosticsStatusNotification", "FirmwareStatusNotification");
            var row = jdbc.sql("SELECT firmware_status, diagnostics_status FROM charger WHERE id = ?").param(charger.id())
                    .query().listOfRows().get(0);
            assertThat(row.values()).containsExactly("Installed", "Uploaded");
        }
    }

    /** A tag no other test uses (they share one database); at most 20 characters, as OCPP allows. */
    private static String tag(String name) {
        String unique = name + Long.toHexString(System.nanoTime());
        return unique.substring(0, Math.min(20, unique.length()));
    }

    private static org.assertj.core.data.TemporalUnitOffset within(long seconds) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(seconds, ChronoUnit.SECONDS);
    }
}
