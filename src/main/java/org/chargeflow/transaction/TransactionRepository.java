package org.chargeflow.transaction;

import org.chargeflow.platform.database.GroupCommitter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * OCPP transactions as the chargers report them; the row id is the transactionId given to the charger.
 * Starts and stops are written through the group committer: a charger's answer waits for a shared commit,
 * not for a commit of its own.
 */
@Repository
public class TransactionRepository {

    private final JdbcClient jdbc;
    private final GroupCommitter committer;
    private final Clock clock;

    public TransactionRepository(JdbcClient jdbc, GroupCommitter committer, Clock clock) {
        this.jdbc = jdbc;
        this.committer = committer;
        this.clock = clock;
    }

    /**
     * Stores a started transaction and completes with its id once committed. A charger that resends the
     * same start (same connector, start time and meter reading, e.g. after a lost answer) gets the same id back.
     */
    public CompletableFuture<Integer> start(String chargerId, int connectorId, String idTag, String idTagStatus,
                                            int meterStartWh, Instant startedAt, Integer reservationId) {
        return committer.insert("""
                        INSERT INTO charging_transaction (charger_id, connector_id, id_tag, id_tag_status, meter_start_wh,
                                                          started_at, reservation_id, received_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)""",
                        chargerId, connectorId, idTag, idTagStatus, meterStartWh,
                        Timestamp.from(startedAt.truncatedTo(ChronoUnit.MILLIS)), reservationId,
                        Timestamp.from(clock.instant()))
                .thenApply(Long::intValue);
    }

    /** Records the stop of a transaction of this charger, once committed; a repeated stop changes nothing. */
    public CompletableFuture<Void> stop(int transactionId, String chargerId, int meterStopWh, Instant stoppedAt,
                                        String reason, String stopIdTag) {
        return committer.submit("""
                        UPDATE charging_transaction
                        SET meter_stop_wh = ?, stopped_at = ?, stop_reason = ?, stop_id_tag = ?
                        WHERE id = ? AND charger_id = ? AND stopped_at IS NULL""",
                meterStopWh, Timestamp.from(stoppedAt), reason, stopIdTag, transactionId, chargerId);
    }

    /** Whether the tag is already used by another running transaction (OCPP ConcurrentTx). */
    public boolean inUseElsewhere(String idTag, String chargerId, int connectorId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM charging_transaction
                        WHERE id_tag = ? AND stopped_at IS NULL AND NOT (charger_id = ? AND connector_id = ?)""")
                .params(idTag, chargerId, connectorId)
                .query(Integer.class).single() > 0;
    }

    public Optional<ChargingTransaction> find(int id) {
        return jdbc.sql("""
                        SELECT id, charger_id, connector_id, id_tag, id_tag_status, meter_start_wh, started_at,
                               meter_stop_wh, stopped_at, stop_reason
                        FROM charging_transaction WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new ChargingTransaction(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant(),
                        (Integer) rs.getObject(8), rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
                        rs.getString(10)))
                .optional();
    }

    /** Closes transactions the charger never stopped (e.g. before a reset); returns how many. */
    public int closeOpen(String chargerId, String reason) {
        return jdbc.sql("""
                        UPDATE charging_transaction SET stopped_at = ?, stop_reason = ?
                        WHERE charger_id = ? AND stopped_at IS NULL""")
                .params(Timestamp.from(clock.instant()), reason, chargerId).update();
    }
}
