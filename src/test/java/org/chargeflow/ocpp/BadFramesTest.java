package org.chargeflow.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import org.chargeflow.support.IntegrationTest;
import org.chargeflow.support.SimulatedCharger;
import org.chargeflow.support.TestChargers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Malformed or hostile frames: the right CALLERROR, nothing stored, the connection stays up. */
@IntegrationTest
class BadFramesTest {

    @Autowired
    TestChargers chargers;
    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "not json at all                                                             | -1 | FormationViolation",
            "{\"an\":\"object\"}                                                         | -1 | FormationViolation",
            "[]                                                                          | -1 | FormationViolation",
            "[2, 17, \"Heartbeat\", {}]                                                  | -1 | FormationViolation",
            "[\"2\", \"m1\", \"Heartbeat\", {}]                                          | m1 | FormationViolation",
            "[2, \"m2\", \"Heartbeat\"]                                                  | m2 | FormationViolation",
            "[2, \"m3\", \"Heartbeat\", []]                                              | m3 | FormationViolation",
            "[9, \"m4\", \"Heartbeat\", {}]                                              | m4 | ProtocolError",
            "[2, \"m5\", \"FlyToTheMoon\", {}]                                           | m5 | NotImplemented",
            "[2, \"m6\", \"RemoteStartTransaction\", {\"idTag\":\"X\"}]                  | m6 | NotSupported",
            "[2, \"m7\", \"SecurityEventNotification\", {\"type\":\"x\",\"timestamp\":\"2026-01-01T00:00:00Z\"}] | m7 | NotSupported",
            "[2, \"m8\", \"StatusNotification\", {\"connectorId\":1,\"status\":\"Available\"}] | m8 | OccurenceConstraintViolation",
            "[2, \"m9\", \"StatusNotification\", {\"connectorId\":\"one\",\"errorCode\":\"NoError\",\"status\":\"Available\"}] | m9 | TypeConstraintViolation",
            "[2, \"m10\", \"StatusNotification\", {\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Dancing\"}] | m10 | PropertyConstraintViolation",
            "[2, \"m11\", \"Authorize\", {\"idTag\":\"ABCDEFGHIJKLMNOPQRSTUVWXYZ\"}]       | m11 | PropertyConstraintViolation",
            "[2, \"m12\", \"StartTransaction\", {\"connectorId\":1,\"idTag\":\"T\",\"meterStart\":0,\"timestamp\":\"yesterday\"}] | m12 | PropertyConstraintViolation",
            "[2, \"m13\", \"Heartbeat\", {\"unexpected\":true}]                          | m13 | FormationViolation",
    })
    void eachKindOfBadFrameGetsItsErrorCodeAndChangesNothing(String frame, String messageId, String code) {
        try (SimulatedCharger charger = chargers.connectBooted("BAD")) {
            JsonNode answer = charger.sendRaw(frame.trim(), messageId);

            assertThat(answer.get(0).asInt()).isEqualTo(4);
            assertThat(answer.get(1).asText()).isEqualTo(messageId);
            assertThat(answer.get(2).asText()).isEqualTo(code);
            assertThat(answer.get(3).asText()).isNotBlank();
            assertThat(charger.isOpen()).isTrue();
            assertThat(charger.heartbeat().has("currentTime")).as("the connection still works").isTrue();
            assertThat(count("connector", charger.id())).isZero();
            assertThat(count("charging_transaction", charger.id())).isZero();
            assertThat(count("charger_event", charger.id())).isZero();
        }
    }

    @ParameterizedTest
    @CsvSource({"[3,\"nobody-asked\",{}]", "[4,\"nobody-asked\",\"GenericError\",\"\",{}]"})
    void anAnswerToNoCallIsDropped(String frame) {
        try (SimulatedCharger charger = chargers.connectBooted("LATE")) {
            charger.sendRawNoReply(frame);
            assertThat(charger.heartbeat().has("currentTime")).isTrue();
            assertThat(charger.isOpen()).isTrue();
        }
    }

    private int count(String table, String chargerId) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE charger_id = ?").param(chargerId)
                .query(Integer.class).single();
    }
}
