package org.chargeflow.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import org.chargeflow.charger.ChargerRepository;
import org.chargeflow.events.ChargerEvents;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.RecordedEvents;
import org.chargeflow.support.SimulatedCharger;
import org.chargeflow.support.SimulatedCharger.Payloads;
import org.chargeflow.support.TestChargers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Objects;


import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflow.support.RowLocks.lockedRow;
import static org.awaitility.Awaitility.await;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OcppConnectionTest {

    @Autowired
    TestChargers chargers;
    @Autowired
    ChargerRepository chargerRepository;
    @Autowired
    ChargerConnections connections;
    @Autowired
    RecordedEvents events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void registeredChargerConnectsWithOcpp16AndIsOnline() {
        TestChargers.Registration cp = chargers.register("CONN");
        try (SimulatedCharger charger = chargers.connect(cp)) {
            assertThat(charger.subprotocol()).isEqualTo("ocpp1.6");
            events.await(ChargerEvents.Connected.class, e -> e.chargerId().equals(cp.id()));
            assertThat(chargerRepository.find(cp.id()).orElseThrow().online()).isTrue();
            assertThat(connections.isConnected(cp.id())).isTrue();
        }
        events.await(ChargerEvents.Disconnected.class, e -> e.chargerId().equals(cp.id()));
        assertThat(chargerRepository.find(cp.id()).orElseThrow().online()).isFalse();
        assertThat(connections.isConnected(cp.id())).isFalse();
    }

    @Test
    void wrongPasswordAndUnknownIdAreRefusedAtTheHandshakeWithoutLoggingThePassword(CapturedOutput log) {
        TestChargers.Registration cp = chargers.register("AUTH");
        String wrong = "not-the-password-" + cp.id();

        assertThat(SimulatedCharger.handshakeStatus(chargers.serverUri(), cp.id(),
                SimulatedCharger.basic(cp.id(), wrong), List.of("ocpp1.6"))).isEqualTo(401);
        assertThat(SimulatedCharger.handshakeStatus(chargers.serverUri(), "NOBODY-" + cp.id(),
                SimulatedCharger.basic("NOBODY-" + cp.id(), cp.password()), List.of("ocpp1.6"))).isEqualTo(401);
        assertThat(SimulatedCharger.handshakeStatus(chargers.serverUri(), cp.id(), null, List.of("ocpp1.6")))
                .isEqualTo(401);
        // The user name must be the charge point id of the URL.
        assertThat(SimulatedCharger.handshakeStatus(chargers.serverUri(), cp.id(),
                SimulatedCharger.basic("someone-else", cp.password()), List.of("ocpp1.6"))).isEqualTo(401);

        assertThat(log.getAll()).contains("Refused charger '" + cp.id() + "'")
                .doesNotContain(wrong).doesNotContain(cp.password());
        assertThat(connections.isConnected(cp.id())).isFalse();
    }

    @Test
    void aClientThatOffersNoOcpp16IsRefused() {
        TestChargers.Registration cp = chargers.register("PROTO");
        String auth = SimulatedCharger.basic(cp.id(), cp.password());

        assertThat(SimulatedCharger.handshakeStatus(chargers.serverUri(), cp.id(), auth, List.of())).isEqualTo(400);
        assertThat(SimulatedCharger.handshakeStatus(chargers.serverUri(), cp.id(), auth, List.of("ocpp2.0.1")))
                .isEqualTo(400);
        assertThat(SimulatedCharger.handshakeStatus(chargers.serverUri(), cp.id(), auth, List.of("ocpp2.0.1", "ocpp1.6")))
                .isEqualTo(101);
    }

    @Test
    void aSecondConnectionReplacesTheFirst() {
        TestChargers.Registration cp = chargers.register("DUP");
        SimulatedCharger first = chargers.connect(cp);
        try (SimulatedCharger second = chargers.connect(cp)) {
            assertThat(first.closed()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1000);
            assertThat(second.heartbeat().get("currentTime").asText()).isNotBlank();
            assertThat(connections.isConnected(cp.id())).isTrue();
            // The online flag is written in the next batch of the group committer.
            await().atMost(Duration.ofSeconds(5)).until(() -> chargerRepository.find(cp.id()).orElseThrow().online());
            assertThat(events.all(ChargerEvents.Disconnected.class)).noneMatch(e -> e.chargerId().equals(cp.id()));
        }
    }

    @Test
    void aChargerSilentPastItsHeartbeatIntervalAndTheGraceIsMarkedOffline() {
        TestChargers.Registration cp = chargers.register("SILENT", ",\"heartbeatIntervalSeconds\":1");
        try (SimulatedCharger charger = chargers.connect(cp)) {
            assertThat(charger.bootNotification().get("interval").asInt()).isEqualTo(1);

            // It says nothing more: after 1 s interval + 2 s grace the server gives up on it.
            var disconnected = events.await(ChargerEvents.Disconnected.class, e -> e.chargerId().equals(cp.id()));
            assertThat(disconnected.reason()).contains("heartbeat");
            assertThat(charger.closed()).succeedsWithin(Duration.ofSeconds(5));
            assertThat(chargerRepository.find(cp.id()).orElseThrow().online()).isFalse();
        }
    }

    @Test
    void lastSeenIsStored() {
        TestChargers.Registration cp = chargers.register("SEEN");
        try (SimulatedCharger charger = chargers.connect(cp)) {
            Instant connectedAt = await().atMost(Duration.ofSeconds(15))
                    .until(() -> chargerRepository.find(cp.id()).orElseThrow().lastSeen(), Objects::nonNull);
            charger.heartbeat();
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    chargerRepository.find(cp.id()).orElseThrow().lastSeen().isAfter(connectedAt));
        }
    }

    /**
     * A last-seen write that fails (here: it waits too long for the row, locked by another transaction) is written
     * again in a later round, though the charger stays silent meanwhile and so gives no newer time.
     */
    @Test
    void aFailedLastSeenWriteIsWrittenAgain(CapturedOutput output) throws Exception {
        TestChargers.Registration cp = chargers.register("SEEN-AGAIN");
        try (SimulatedCharger charger = chargers.connect(cp)) {
            Instant connectedAt = await().atMost(Duration.ofSeconds(15))
                    .until(() -> chargerRepository.find(cp.id()).orElseThrow().lastSeen(), Objects::nonNull);
            try (Connection otherTransaction = lockedRow(dataSource,
                    "SELECT charger_id FROM charger_presence WHERE charger_id = ? FOR UPDATE", cp.id())) {
                charger.heartbeat();
                await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains("last-seen times failed"));
                otherTransaction.rollback();
            }
            await().atMost(Duration.ofSeconds(15)).until(() ->
                    chargerRepository.find(cp.id()).orElseThrow().lastSeen().isAfter(connectedAt));
        }
    }

    @Test
    void oversizedFramesCloseTheConnectionWithoutHarmingOthers() {
        try (SimulatedCharger big = chargers.connectBooted("BIG"); SimulatedCharger other = chargers.connectBooted("OTHER")) {
            String huge = "[2,\"1\",\"DataTransfer\",{\"vendorId\":\"x\",\"data\":\"" + "a".repeat(70_000) + "\"}]";
            big.sendRawNoReply(huge);
            assertThat(big.closed()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1009);
            assertThat(other.heartbeat().has("currentTime")).isTrue();
        }
    }

    /**
     * Tomcat's text buffer per connection is 8 K characters: a message of up to the 64 K-character limit arrives in
     * parts, or in WebSocket fragments when the charger splits it, and is stored exactly as sent. The data has
     * two-byte characters, so parts also end in the middle of a character's bytes.
     */
    @Test
    void messagesLargerThanTheBufferAreJoinedFromTheirParts() {
        try (SimulatedCharger charger = chargers.connectBooted("LONG-MESSAGE")) {
            String nearTheLimit = dataTransfer("ü".repeat(60_000));
            String inFragments = dataTransfer("fragment-".repeat(3_000) + "é".repeat(9_000));

            assertThat(charger.call("DataTransfer", nearTheLimit).get(2).get("status").asText()).isEqualTo("UnknownVendorId");
            assertThat(charger.callInFragments("DataTransfer", inFragments, 7).get(2).get("status").asText())
                    .isEqualTo("UnknownVendorId");
            assertThat(charger.heartbeat().has("currentTime")).isTrue();

            assertThat(jdbc.sql("SELECT payload FROM charger_event WHERE charger_id = ? ORDER BY id").param(charger.id())
                    .query(String.class).list()).containsExactly(nearTheLimit, inFragments);
        }
    }

    @Test
    void oversizedMessagesInFragmentsCloseTheConnection() {
        try (SimulatedCharger big = chargers.connectBooted("BIG-FRAGMENTS"); SimulatedCharger other = chargers.connectBooted("OTHER")) {
            big.callInFragmentsNoReply("DataTransfer", dataTransfer("a".repeat(70_000)), 10);
            assertThat(big.closed()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1009);
            assertThat(other.heartbeat().has("currentTime")).isTrue();
        }
    }

    private static String dataTransfer(String data) {
        return "{\"vendorId\":\"com.example\",\"data\":\"" + data + "\"}";
    }

    /** OCPP-J is text only: a binary frame closes the connection (1003, not accepted) however large it is. */
    @Test
    void binaryFramesCloseTheConnectionWithoutHarmingOthers() {
        try (SimulatedCharger small = chargers.connectBooted("BINARY"); SimulatedCharger large = chargers.connectBooted("BINARY-BIG");
             SimulatedCharger other = chargers.connectBooted("OTHER")) {
            small.sendBinaryNoReply(new byte[]{1, 2, 3});
            large.sendBinaryNoReply(new byte[100_000]);
            assertThat(small.closed()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1003);
            assertThat(large.closed()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1003);
            assertThat(other.heartbeat().has("currentTime")).isTrue();
        }
    }

    /**
     * A charger that does not wait for each answer still gets them in the order it sent the calls: one that
     * waits for nothing (Heartbeat, a bad frame) or only for its writes (StatusNotification, MeterValues) never
     * overtakes one before it that reads the database (Authorize, StartTransaction).
     */
    @Test
    void callsSentWithoutWaitingAreAnsweredInTheOrderSent() {
        try (SimulatedCharger charger = chargers.connectBooted("ORDER")) {
            Instant now = Instant.now();
            List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
            for (int round = 0; round < 3; round++) { // 18 calls: fewer than may wait (chargeflow.ocpp.max-pending-inbound)
                answers.add(charger.callAsync("Authorize", Payloads.authorize("ORDER-TAG")));
                answers.add(charger.callAsync("Heartbeat", Payloads.heartbeat()));
                answers.add(charger.callAsync("StatusNotification", Payloads.statusNotification(1, "Available", now)));
                answers.add(charger.callAsync("StartTransaction", Payloads.startTransaction(1, "ORDER-TAG", round, now)));
                answers.add(charger.callAsync("MeterValues", Payloads.meterValues(1, null, round, 0, now)));
                answers.add(charger.callAsync("Heartbeat", "[]"));
            }
            List<String> sent = answers.stream().map(CompletableFuture::join).map(frame -> frame.get(1).asText()).toList();

            assertThat(charger.answersReceived()).endsWith(sent.toArray(String[]::new));
            assertThat(answers.get(answers.size() - 1).join().get(0).asInt()).as("the bad Heartbeat's CALLERROR").isEqualTo(4);
        }
    }
}
