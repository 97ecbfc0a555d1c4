package org.chargeflow.charger;

import org.chargeflow.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflow.support.RowLocks.lockedRow;
import static org.awaitility.Awaitility.await;

/**
 * Storing thousands of chargers' last-seen times: in a table of their own, so that they and a charger's own
 * writes never wait for each other's row locks, and never moving a time back.
 */
@IntegrationTest
class LastSeenTest {

    /** Two transactions' worth: the last charger is in the second one. */
    private static final List<String> CHARGERS = IntStream.range(0, ChargerRepository.LAST_SEEN_ROWS_PER_TRANSACTION + 10)
            .mapToObj(i -> "LASTSEEN-%04d".formatted(i)).toList();
    private static final String OTHER_CHARGER = "LASTSEEN-OTHER";
    private static final Instant SEEN = Instant.parse("2026-12-07T06:00:00Z");
    /** Well within the 5 s a committer waits for a row lock: what finishes within this did not wait for one. */
    private static final Duration NO_LOCK_WAIT = Duration.ofSeconds(3);

    @Autowired
    ChargerRepository chargers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void registerChargers() {
        List<Object[]> rows = CHARGERS.stream().map(id -> new Object[]{id}).collect(Collectors.toList());
        rows.add(new Object[]{OTHER_CHARGER});
        jdbc.batchUpdate("INSERT INTO charger (id, password_hash) VALUES (?, 'not used here')", rows);
    }

    @AfterEach
    void removeChargers() {
        jdbc.update("DELETE FROM charger_presence WHERE charger_id LIKE 'LASTSEEN-%'");
        jdbc.update("DELETE FROM charger WHERE id LIKE 'LASTSEEN-%'");
    }

    /** A charger row is locked by an engine transaction, say, or by a batch writing a status for that charger. */
    @Test
    void lastSeenTimesDoNotWaitForALockedChargerRow() throws Exception {
        String lastCharger = CHARGERS.get(CHARGERS.size() - 1);
        try (Connection otherTransaction = lockedRow(dataSource, "SELECT id FROM charger WHERE id = ? FOR UPDATE",
                lastCharger)) {
            assertThat(chargers.touch(CHARGERS.stream().collect(Collectors.toMap(Function.identity(), id -> SEEN))))
                    .succeedsWithin(NO_LOCK_WAIT);
            assertThat(chargers.setOnline(OTHER_CHARGER, true, SEEN)).succeedsWithin(NO_LOCK_WAIT);
            otherTransaction.rollback();
        }
        assertThat(CHARGERS).allSatisfy(id -> assertThat(lastSeen(id)).isEqualTo(SEEN));
    }

    /** A last-seen transaction holds the rows it writes until it commits; a charger's own writes go on meanwhile. */
    @Test
    void aChargersOwnWritesDoNotWaitForItsLastSeenRow() throws Exception {
        chargers.touch(Map.of(OTHER_CHARGER, SEEN)).join();
        try (Connection lastSeenTransaction = lockedRow(dataSource,
                "SELECT charger_id FROM charger_presence WHERE charger_id = ? FOR UPDATE", OTHER_CHARGER)) {
            assertThat(chargers.saveConnectorStatus(new ConnectorStatus(OTHER_CHARGER, 1, "Charging", "NoError", null,
                    null, null, SEEN))).succeedsWithin(NO_LOCK_WAIT);
            lastSeenTransaction.rollback();
        }
        assertThat(chargers.find(OTHER_CHARGER).orElseThrow().connectors()).singleElement()
                .satisfies(connector -> assertThat(connector.status()).isEqualTo("Charging"));
    }

    @Test
    void aLastSeenTimeOlderThanTheStoredOneIsNotWritten() {
        chargers.setOnline(OTHER_CHARGER, false, SEEN).join();

        chargers.touch(Map.of(OTHER_CHARGER, SEEN.minusSeconds(2), CHARGERS.get(0), SEEN)).join();

        assertThat(lastSeen(OTHER_CHARGER)).isEqualTo(SEEN);
        assertThat(lastSeen(CHARGERS.get(0))).isEqualTo(SEEN);
    }

    /** The last-seen store of a charger being deleted can land after the delete: the next charger of that id starts unseen. */
    @Test
    void aChargerRegisteredAgainHasNotBeenSeen() {
        String id = CHARGERS.get(0);
        chargers.touch(Map.of(id, SEEN)).join();
        assertThat(chargers.delete(id)).isTrue();
        chargers.touch(Map.of(id, SEEN.plusSeconds(30))).join();

        assertThat(chargers.register(id, "not used here", false, new ChargerSettings(null, null, null, 300))).isTrue();

        assertThat(lastSeen(id)).isNull();
        chargers.touch(Map.of(id, SEEN)).join();
        assertThat(chargers.register(id, "not used here", false, new ChargerSettings(null, null, null, 300)))
                .as("the id is taken").isFalse();
        assertThat(lastSeen(id)).as("a refused registration leaves the charger's time").isEqualTo(SEEN);
    }

    private Instant lastSeen(String chargerId) {
        return chargers.find(chargerId).orElseThrow().lastSeen();
    }
}
