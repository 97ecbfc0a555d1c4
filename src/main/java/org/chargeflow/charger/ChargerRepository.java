package org.chargeflow.charger;

import org.chargeflow.platform.database.GroupCommitter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** The charger and connector tables. */
@Repository
public class ChargerRepository {

    /** Never moves a last-seen time back: a disconnect may have stored a newer one meanwhile. */
    private static final String SEEN = """
            INSERT INTO charger_presence (charger_id, last_seen) VALUES (?, ?)
            ON DUPLICATE KEY UPDATE last_seen = GREATEST(last_seen, VALUES(last_seen))""";
    /** Short enough that a connecting charger, whose time goes through the same committer, never waits long. */
    static final int LAST_SEEN_ROWS_PER_TRANSACTION = 200;

    private final JdbcClient jdbc;
    private final GroupCommitter committer;
    private final GroupCommitter lastSeenCommitter;
    private final Clock clock;

    public ChargerRepository(JdbcClient jdbc, GroupCommitter committer,
                             @Qualifier(GroupCommitter.LAST_SEEN) GroupCommitter lastSeenCommitter, Clock clock) {
        this.jdbc = jdbc;
        this.committer = committer;
        this.lastSeenCommitter = lastSeenCommitter;
        this.clock = clock;
    }

    public Optional<ChargerCredentials> credentials(String id) {
        return jdbc.sql("SELECT id, password_hash, heartbeat_interval_s FROM charger WHERE id = ?")
                .param(id)
                .query((rs, n) -> new ChargerCredentials(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .optional();
    }

    /**
     * Registers a charger; false when the id is taken. A new charger has never been seen: a last-seen time stored for a
     * deleted charger of the same id (a store that was on its way while it was deleted) is dropped.
     */
    public boolean register(String id, String passwordHash, boolean generated, ChargerSettings settings) {
        boolean registered = jdbc.sql("""
                        INSERT IGNORE INTO charger (id, name, location_id, max_power_kw, password_hash, password_generated,
                                                    heartbeat_interval_s)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, settings.name(), settings.locationId(), settings.maxPowerKw(), passwordHash, generated,
                        settings.heartbeatIntervalSeconds())
                .update() == 1;
        if (registered) {
            jdbc.sql("DELETE FROM charger_presence WHERE charger_id = ?").param(id).update();
        }
        return registered;
    }

    public boolean update(String id, ChargerSettings settings) {
        return jdbc.sql("""
                        UPDATE charger SET name = ?, location_id = ?, max_power_kw = ?, heartbeat_interval_s = ?
                        WHERE id = ?""")
                .params(settings.name(), settings.locationId(), settings.maxPowerKw(),
                        settings.heartbeatIntervalSeconds(), id)
                .update() == 1;
    }

    public boolean changePassword(String id, String passwordHash, boolean generated) {
        return jdbc.sql("UPDATE charger SET password_hash = ?, password_generated = ? WHERE id = ?")
                .params(passwordHash, generated, id)
                .update() == 1;
    }

    /** Deletes a charger with its connectors; false when it does not exist. */
    public boolean delete(String id) {
        jdbc.sql("DELETE FROM charger_presence WHERE charger_id = ?").param(id).update();
        return jdbc.sql("DELETE FROM charger WHERE id = ?").param(id).update() == 1;
    }

    /** How many transactions the charger has in its history (they keep it from being deleted). */
    public int transactionCount(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM charging_transaction WHERE charger_id = ?").param(id)
                .query(Integer.class).single();
    }

    public Optional<Charger> find(String id) {
        return jdbc.sql(SELECT_CHARGER + " WHERE id = ?").param(id)
                .query((rs, n) -> charger(rs, connectors(id)))
                .optional();
    }

    /** All chargers, or those of one location, ordered by id; two queries whatever their number. */
    public List<Charger> all(Long locationId) {
        Map<String, List<Connector>> connectors = new HashMap<>();
        jdbc.sql(SELECT_CONNECTOR + (locationId == null ? "" : " WHERE charger_id IN (SELECT id FROM charger WHERE location_id = :location)")
                        + " ORDER BY charger_id, connector_id")
                .paramSource(locationParam(locationId))
                .query(rs -> {
                    connectors.computeIfAbsent(rs.getString("charger_id"), k -> new ArrayList<>()).add(connector(rs));
                });
        return jdbc.sql(SELECT_CHARGER + (locationId == null ? "" : " WHERE location_id = :location") + " ORDER BY id")
                .paramSource(locationParam(locationId))
                .query((rs, n) -> charger(rs, connectors.getOrDefault(rs.getString("id"), List.of())))
                .list();
    }

    public List<Connector> connectors(String chargerId) {
        return jdbc.sql(SELECT_CONNECTOR + " WHERE charger_id = ? ORDER BY connector_id")
                .param(chargerId)
                .query((rs, n) -> connector(rs))
                .list();
    }

    /** Sets a reported connector's own power limit; false when the charger has not reported that connector. */
    public boolean setConnectorLimit(String chargerId, int connectorId, BigDecimal maxPowerKw) {
        return jdbc.sql("UPDATE connector SET max_power_kw = ? WHERE charger_id = ? AND connector_id = ?")
                .params(maxPowerKw, chargerId, connectorId)
                .update() == 1;
    }

    private static final String SELECT_CHARGER = """
            SELECT id, name, location_id, max_power_kw, vendor, model, charge_point_serial, firmware_version, online,
                   last_seen, last_boot, heartbeat_interval_s, firmware_status, diagnostics_status
            FROM charger LEFT JOIN charger_presence ON charger_id = id""";
    private static final String SELECT_CONNECTOR = """
            SELECT charger_id, connector_id, status, error_code, info, vendor_id, vendor_error_code, status_at, max_power_kw
            FROM connector""";

    private static MapSqlParameterSource locationParam(Long locationId) {
        return new MapSqlParameterSource("location", locationId);
    }

    private static Charger charger(ResultSet rs, List<Connector> connectors) throws SQLException {
        return new Charger(rs.getString("id"), rs.getString("name"), rs.getObject("location_id", Long.class),
                rs.getBigDecimal("max_power_kw"), rs.getString("vendor"), rs.getString("model"),
                rs.getString("charge_point_serial"), rs.getString("firmware_version"), rs.getBoolean("online"),
                instant(rs.getTimestamp("last_seen")), instant(rs.getTimestamp("last_boot")),
                rs.getInt("heartbeat_interval_s"), rs.getString("firmware_status"), rs.getString("diagnostics_status"),
                connectors);
    }

    private static Connector connector(ResultSet rs) throws SQLException {
        return new Connector(rs.getInt("connector_id"), rs.getString("status"), rs.getString("error_code"),
                rs.getString("info"), rs.getString("vendor_id"), rs.getString("vendor_error_code"),
                instant(rs.getTimestamp("status_at")), rs.getBigDecimal("max_power_kw"));
    }

    public CompletableFuture<Void> recordBoot(String id, BootInfo boot, Instant at) {
        return CompletableFuture.allOf(committer.submit("""
                        UPDATE charger SET vendor = ?, model = ?, charge_point_serial = ?, charge_box_serial = ?,
                               firmware_version = ?, iccid = ?, imsi = ?, meter_type = ?, meter_serial = ?,
                               last_boot = ?, online = TRUE
                        WHERE id = ?""",
                boot.vendor(), boot.model(), boot.chargePointSerial(), boot.chargeBoxSerial(),
                boot.firmwareVersion(), boot.iccid(), boot.imsi(), boot.meterType(), boot.meterSerial(),
                Timestamp.from(at), id), seen(id, at));
    }

    public CompletableFuture<Void> setOnline(String id, boolean online, Instant at) {
        return CompletableFuture.allOf(committer.submit("UPDATE charger SET online = ? WHERE id = ?", online, id), seen(id, at));
    }

    private CompletableFuture<Void> seen(String id, Instant at) {
        return lastSeenCommitter.submit(SEEN, id, Timestamp.from(at));
    }

    /**
     * Stores last-seen times collected in memory. With thousands of chargers connected these are thousands of
     * rows, which no charger waits for: they go through a committer of their own, in transactions of a few
     * hundred rows each, the next one submitted once the one before is done (submitted together, the committer
     * would join them into one long transaction, which a connecting charger's time would wait behind). The rows
     * go in charger id order, so that two nodes' transactions never lock the same rows in opposite orders.
     */
    public CompletableFuture<Void> touch(Map<String, Instant> lastSeen) {
        List<Object[]> rows = new ArrayList<>(lastSeen.size());
        new TreeMap<>(lastSeen).forEach((id, at) -> rows.add(new Object[]{id, Timestamp.from(at)}));
        List<CompletableFuture<Void>> transactions = new ArrayList<>();
        CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
        for (int from = 0; from < rows.size(); from += LAST_SEEN_ROWS_PER_TRANSACTION) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + LAST_SEEN_ROWS_PER_TRANSACTION));
            // A failed transaction (say, a lost database connection) must not keep the later ones from being written.
            previous = previous.handle((ok, failed) -> chunk).thenCompose(next -> lastSeenCommitter.submit(SEEN, next));
            transactions.add(previous);
        }
        return CompletableFuture.allOf(transactions.toArray(CompletableFuture[]::new));
    }

    public CompletableFuture<Void> saveConnectorStatus(ConnectorStatus s) {
        return committer.submit("""
                        INSERT INTO connector (charger_id, connector_id, status, error_code, info, vendor_id,
                                               vendor_error_code, status_at, received_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE status = VALUES(status), error_code = VALUES(error_code),
                               info = VALUES(info), vendor_id = VALUES(vendor_id),
                               vendor_error_code = VALUES(vendor_error_code), status_at = VALUES(status_at),
                               received_at = VALUES(received_at)""",
                s.chargerId(), s.connectorId(), s.status(), s.errorCode(), s.info(), s.vendorId(),
                s.vendorErrorCode(), Timestamp.from(s.statusAt()), Timestamp.from(clock.instant()));
    }

    /** Keeps a report (DataTransfer, firmware or diagnostics status) and, if given, the latest status on the charger. */
    public CompletableFuture<Void> recordReport(String chargerId, String action, String payloadJson,
                                                ReportedStatus latest, String status) {
        CompletableFuture<Void> logged = committer.submit(
                "INSERT INTO charger_event (charger_id, action, payload, received_at) VALUES (?, ?, ?, ?)",
                chargerId, action, payloadJson, Timestamp.from(clock.instant()));
        if (latest == null) {
            return logged;
        }
        return CompletableFuture.allOf(logged, committer.submit(
                "UPDATE charger SET " + latest.column + " = ? WHERE id = ?", status, chargerId));
    }

    /** Charger columns that keep the latest reported status of a long-running operation. */
    public enum ReportedStatus {
        FIRMWARE("firmware_status"), DIAGNOSTICS("diagnostics_status");

        private final String column;

        ReportedStatus(String column) {
            this.column = column;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
