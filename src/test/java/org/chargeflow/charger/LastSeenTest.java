package org.chargeflow.charger;

import org.chargeflow.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Storing thousands of chargers' last-seen times: in short transactions of their own, behind which no
 * charger's write waits, and never moving a time back.
 */
@IntegrationTest
class LastSeenTest {

    /** Two transactions' worth: the last charger is in the second one. */
    private static final List<String> CHARGERS = IntStream.range(0, ChargerRepository.LAST_SEEN_ROWS_PER_TRANSACTION + 10)
            .mapToObj(i -> "LASTSEEN-%04d".formatted(i)).toList();
    private static final String OTHER_CHARGER = "LASTSEEN-OTHER";
    private static final Instant SEEN = Instant.parse("2026-12-07T06:00:00Z");

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
        jdbc.update("DELETE FROM charger WHERE id LIKE 'LASTSEEN-%'");
    }

    @Test
    void aLockedChargerRowHoldsUpNeitherTheChargersOwnWritesNorTheEarlierLastSeenTransactions() throws Exception {
        String lastCharger = CHARGERS.get(CHARGERS.size() - 1);
        CompletableFuture<Void> stored;
        try (Connection engineTransaction = dataSource.getConnection()) {
            engineTransaction.setAutoCommit(false);
            try (PreparedStatement lock = engineTransaction.prepareStatement("SELECT id FROM charger WHERE id = ? FOR UPDATE")) {
                lock.setString(1, lastCharger);
                lock.executeQuery().close();
            }

            stored = chargers.touch(CHARGERS.stream().collect(Collectors.toMap(Function.identity(), id -> SEEN)));
            CompletableFuture<Void> wentOnline = chargers.setOnline(OTHER_CHARGER, true, SEEN);

            // Well within the 5 s a committer waits for a row lock: it did not wait behind the stuck one.
            assertThat(wentOnline).succeedsWithin(Duration.ofSeconds(3));
            await().atMost(Duration.ofSeconds(3)).until(() -> SEEN.equals(lastSeen(CHARGERS.get(0))));
            assertThat(stored).isNotDone();
            assertThat(lastSeen(lastCharger)).isNull();
            engineTransaction.commit();
        }

        assertThat(stored).succeedsWithin(Duration.ofSeconds(5));
        assertThat(CHARGERS).allSatisfy(id -> assertThat(lastSeen(id)).isEqualTo(SEEN));
    }

    @Test
    void aLastSeenTimeOlderThanTheStoredOneIsNotWritten() {
        chargers.setOnline(OTHER_CHARGER, false, SEEN).join();

        chargers.touch(Map.of(OTHER_CHARGER, SEEN.minusSeconds(2), CHARGERS.get(0), SEEN)).join();

        assertThat(lastSeen(OTHER_CHARGER)).isEqualTo(SEEN);
        assertThat(lastSeen(CHARGERS.get(0))).isEqualTo(SEEN);
    }

    private Instant lastSeen(String chargerId) {
        return chargers.find(chargerId).orElseThrow().lastSeen();
    }
}
