package org.chargeflow.charger;

import org.chargeflow.platform.database.GroupCommitter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The charger and connector tables. */
@Repository
public class ChargerRepository {

    private final JdbcClient jdbc;
    private final GroupCommitter committer;
    private final Clock clock;

    public ChargerRepository(JdbcClient jdbc, GroupCommitter committer, Clock clock) {
        this.jdbc = jdbc;
        this.committer = committer;
        this.clock = clock;
    }

    public Optional<ChargerCredentials> credentials(String id) {
        return jdbc.sql("SELECT id, password_hash, heartbeat_interval_s FROM charger WHERE id = ?")
                .param(id)
                .query((rs, n) -> new ChargerCredentials(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .optional();
    }

    /** Registers a charger; false when the id is taken. */
    public boolean register(String id, String name, String passwordHash, boolean generated, int heartbeatIntervalSeconds) {
        return jdbc.sql("""
                        INSERT IGNORE INTO charger (id, name, password_hash, password_generated, heartbeat_interval_s)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(id, name, passwordHash, generated, heartbeatIntervalSeconds)
                .update() == 1;
    }

    public Optional<Charger> find(String id) {
        return jdbc.sql("""
                        SELECT id, name, vendor, model, charge_point_serial, firmware_version, online, last_seen,
                               last_boot, heartbeat_interval_s, firmware_status, diagnostics_status
                        FROM charger WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new Charger(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7), instant(rs.getTimestamp(8)),
                        instant(rs.getTimestamp(9)), rs.getInt(10), rs.getString(11), rs.getString(12),
                        connectors(id)))
                .optional();
    }

    public List<ConnectorStatus> connectors(String chargerId) {
        return jdbc.sql("""
                        SELECT charger_id, connector_id, status, error_code, info, vendor_id, vendor_error_code, status_at
                        FROM connector WHERE charger_id = ? ORDER BY connector_id""")
                .param(chargerId)
                .query((rs, n) -> new ConnectorStatus(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8))))
                .list();
    }

    public void recordBoot(String id, BootInfo boot) {
        Instant now = clock.instant();
        jdbc.sql("""
                        UPDATE charger SET vendor = ?, model = ?, charge_point_serial = ?, charge_box_serial = ?,
                               firmware_version = ?, iccid = ?, imsi = ?, meter_type = ?, meter_serial = ?,
                               last_boot = ?, last_seen = ?, online = TRUE
                        WHERE id = ?""")
                .params(boot.vendor(), boot.model(), boot.chargePointSerial(), boot.chargeBoxSerial(),
                        boot.firmwareVersion(), boot.iccid(), boot.imsi(), boot.meterType(), boot.meterSerial(),
                        Timestamp.from(now), Timestamp.from(now), id)
                .update();
    }

    public CompletableFuture<Void> setOnline(String id, boolean online, Instant at) {
        return committer.submit("UPDATE charger SET online = ?, last_seen = ? WHERE id = ?", online, Timestamp.from(at), id);
    }

    /** Stores last-seen times collected in memory, in one batch. */
    public CompletableFuture<Void> touch(Map<String, Instant> lastSeen) {
        List<Object[]> rows = new ArrayList<>(lastSeen.size());
        lastSeen.forEach((id, at) -> rows.add(new Object[]{Timestamp.from(at), id}));
        return committer.submit("UPDATE charger SET last_seen = ? WHERE id = ?", rows);
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
