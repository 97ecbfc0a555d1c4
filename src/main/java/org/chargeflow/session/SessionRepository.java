package org.chargeflow.session;

import org.chargeflow.events.ChargerEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The charging_session table. */
@Repository
public class SessionRepository {

    private static final String COLUMNS = """
            id, process_instance_id, charger_id, connector_id, transaction_id, id_tag, started_by, description,
            power_cap_kw, energy_cap_kwh, state, requested_at, started_at, stopped_at, meter_start_wh, meter_stop_wh,
            last_energy_wh, last_power_w, last_reading_at, energy_wh, stop_reason, vehicle_id""";
    /** {@link SessionState#ACTIVE} as an SQL list, e.g. ('REQUESTED', 'WAITING_FOR_VEHICLE', …). */
    private static final String ACTIVE_STATES = SessionState.ACTIVE.stream().map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public SessionRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public long create(String chargerId, int connectorId, String startedBy, String description, BigDecimal powerCapKw,
                       BigDecimal energyCapKwh, SessionState state, Instant requestedAt) {
        return insert("""
                        INSERT INTO charging_session (charger_id, connector_id, started_by, description, power_cap_kw,
                                                      energy_cap_kwh, state, requested_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                chargerId, connectorId, startedBy, description, powerCapKw, energyCapKwh, state.name(),
                Timestamp.from(requestedAt));
    }

    /**
     * A session the charger began by itself: created already started, in one statement instead of an insert
     * and the update {@link #started} makes.
     */
    public long createStarted(String chargerId, int connectorId, String description, int transactionId,
                              int meterStartWh, Instant startedAt) {
        return insert("""
                        INSERT INTO charging_session (charger_id, connector_id, started_by, description, state, requested_at,
                                                      transaction_id, meter_start_wh, started_at, vehicle_id)
                        VALUES (?, ?, ?, ?, 'CHARGING', ?, ?, ?, ?, """ + VEHICLE_OF_TRANSACTION + ")",
                chargerId, connectorId, ChargingSession.BY_CHARGER, description, Timestamp.from(startedAt),
                transactionId, meterStartWh, Timestamp.from(startedAt), transactionId);
    }

    private long insert(String sql, Object... params) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys);
        long id = keys.getKeyAs(Number.class).longValue();
        changed(id);
        return id;
    }

    public void attach(long id, String processInstanceId, String idTag) {
        jdbc.sql("UPDATE charging_session SET process_instance_id = ?, id_tag = ? WHERE id = ?")
                .params(processInstanceId, idTag, id).update();
    }

    public Optional<ChargingSession> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM charging_session WHERE id = ?").param(id).query(MAPPER).optional();
    }

    public Optional<ChargingSession> byTransaction(int transactionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM charging_session WHERE transaction_id = ?").param(transactionId)
                .query(MAPPER).optional();
    }

    /** The session that occupies the connector, if any. */
    public Optional<ChargingSession> activeOn(String chargerId, int connectorId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM charging_session WHERE charger_id = ? AND connector_id = ? AND state IN "
                        + ACTIVE_STATES + " ORDER BY id DESC LIMIT 1")
                .params(chargerId, connectorId).query(MAPPER).optional();
    }

    /** The process of the session on the connector that waits for a vehicle to be plugged in, if any. */
    public Optional<String> waitingForVehicle(String chargerId, int connectorId) {
        return jdbc.sql("""
                        SELECT process_instance_id FROM charging_session
                        WHERE charger_id = ? AND connector_id = ? AND state = 'WAITING_FOR_VEHICLE' ORDER BY id DESC LIMIT 1""")
                .params(chargerId, connectorId).query(String.class).optional();
    }

    public List<ChargingSession> activeOn(String chargerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM charging_session WHERE charger_id = ? AND state IN " + ACTIVE_STATES)
                .param(chargerId).query(MAPPER).list();
    }

    public List<ChargingSession> inState(SessionState state) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM charging_session WHERE state = ?").param(state.name())
                .query(MAPPER).list();
    }

    /** Sessions matching the search, newest first; {@code beforeId} pages back through history. */
    public List<ChargingSession> search(SessionSearch search) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM charging_session WHERE 1 = 1");
        var params = new MapSqlParameterSource();
        condition(sql, params, "charger_id = :charger", "charger", search.chargerId());
        condition(sql, params, "charger_id IN (SELECT id FROM charger WHERE location_id = :location)", "location", search.locationId());
        condition(sql, params, "vehicle_id = :vehicle", "vehicle", search.vehicleId());
        condition(sql, params, "state = :state", "state", search.state() == null ? null : search.state().name());
        condition(sql, params, "requested_at >= :from", "from", search.from() == null ? null : Timestamp.from(search.from()));
        condition(sql, params, "requested_at < :to", "to", search.to() == null ? null : Timestamp.from(search.to()));
        condition(sql, params, "id < :before", "before", search.beforeId());
        sql.append(" ORDER BY id DESC LIMIT :limit");
        params.addValue("limit", search.limit());
        return jdbc.sql(sql.toString()).paramSource(params).query(MAPPER).list();
    }

    private static void condition(StringBuilder sql, MapSqlParameterSource params, String condition, String name,
                                  Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.addValue(name, value);
        }
    }

    /**
     * Transactions that have ended while their session still runs: what a stop looks like whose event was
     * lost (the application stopped between storing the StopTransaction and telling the process).
     */
    public List<ChargerEvents.TransactionStopped> stoppedWhileRunning() {
        return jdbc.sql("""
                        SELECT t.charger_id, t.id, t.meter_stop_wh, t.stop_reason, t.stopped_at
                        FROM charging_session s JOIN charging_transaction t ON t.id = s.transaction_id
                        WHERE s.state IN ('CHARGING', 'STOPPING') AND t.stopped_at IS NOT NULL""")
                .query((rs, n) -> new ChargerEvents.TransactionStopped(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    public void setState(long id, SessionState state) {
        jdbc.sql("UPDATE charging_session SET state = ? WHERE id = ?").params(state.name(), id).update();
        changed(id);
    }

    /**
     * The charger started the transaction; false if the session was not waiting for it. A vehicle's
     * RFID card links the session to that vehicle.
     */
    public boolean started(long id, int transactionId, int meterStartWh, Instant startedAt) {
        boolean started = jdbc.sql("UPDATE charging_session SET state = 'CHARGING', transaction_id = ?, meter_start_wh = ?,"
                        + " started_at = ?, vehicle_id = " + VEHICLE_OF_TRANSACTION + " WHERE id = ? AND transaction_id IS NULL")
                .params(transactionId, meterStartWh, Timestamp.from(startedAt), transactionId, id).update() == 1;
        changed(id);
        return started;
    }

    /** The charger reported the transaction's end. */
    public void transactionStopped(long id, int meterStopWh, Instant stoppedAt, String reason) {
        jdbc.sql("""
                        UPDATE charging_session SET meter_stop_wh = ?, stopped_at = ?,
                               energy_wh = GREATEST(0, ? - COALESCE(meter_start_wh, ?)),
                               stop_reason = COALESCE(stop_reason, ?)
                        WHERE id = ?""")
                .params(meterStopWh, Timestamp.from(stoppedAt), meterStopWh, meterStopWh, reason, id).update();
        changed(id);
    }

    public void finish(long id, SessionState state, String reason) {
        jdbc.sql("UPDATE charging_session SET state = ?, stop_reason = ? WHERE id = ?")
                .params(state.name(), reason, id).update();
        changed(id);
    }

    /** The vehicle whose RFID card started a transaction (a parameter: the transaction id). */
    private static final String VEHICLE_OF_TRANSACTION =
            "(SELECT i.vehicle_id FROM charging_transaction t JOIN id_tag i ON i.id_tag = t.id_tag WHERE t.id = ?)";

    private void changed(long id) {
        events.publishEvent(new SessionEvents.SessionChanged(id));
    }

    private static final RowMapper<ChargingSession> MAPPER = (rs, n) -> new ChargingSession(
            rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("charger_id"), rs.getInt("connector_id"),
            (Integer) rs.getObject("transaction_id"), rs.getString("id_tag"), rs.getString("started_by"),
            rs.getString("description"), rs.getBigDecimal("power_cap_kw"), rs.getBigDecimal("energy_cap_kwh"),
            SessionState.valueOf(rs.getString("state")), instant(rs, "requested_at"), instant(rs, "started_at"),
            instant(rs, "stopped_at"), (Integer) rs.getObject("meter_start_wh"), (Integer) rs.getObject("meter_stop_wh"),
            (Double) rs.getObject("last_energy_wh"), (Double) rs.getObject("last_power_w"), instant(rs, "last_reading_at"),
            (Double) rs.getObject("energy_wh"), rs.getString("stop_reason"), rs.getObject("vehicle_id", Long.class));

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
