package org.chargeflow.dashboard;

import org.chargeflow.charger.Connector;
import org.chargeflow.dashboard.ChargerSnapshot.ActiveSession;
import org.chargeflow.session.ChargingSession;
import org.chargeflow.session.SessionState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the dashboard shows, read with one query per batch of chargers: each charger with its location,
 * connectors and the active session on each connector.
 */
@Repository
class DashboardRepository {

    /** Keeps IN lists (and the answers) of a busy moment at a reasonable size. */
    private static final int MAX_IDS_PER_QUERY = 500;
    private static final List<String> ACTIVE_STATES = SessionState.ACTIVE.stream().map(Enum::name).toList();
    private static final String SELECT = """
            SELECT c.id, c.name, c.location_id, l.name AS location_name, p.last_seen,
                   k.connector_id, k.status, k.error_code, k.info, k.vendor_id, k.vendor_error_code, k.status_at,
                   k.max_power_kw, s.id AS session_id, s.state, s.description, s.started_by, s.power_cap_kw,
                   s.energy_cap_kwh, s.started_at, s.meter_start_wh, s.last_energy_wh, s.last_power_w, s.energy_wh
            FROM charger c
            LEFT JOIN charger_presence p ON p.charger_id = c.id
            LEFT JOIN location l ON l.id = c.location_id
            LEFT JOIN connector k ON k.charger_id = c.id
            LEFT JOIN charging_session s ON s.charger_id = k.charger_id AND s.connector_id = k.connector_id
                                         AND s.state IN (:active)
            """;
    private static final String ORDER = " ORDER BY c.id, k.connector_id, s.id";

    private final JdbcClient jdbc;

    DashboardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ChargerSnapshot> all() {
        return read(jdbc.sql(SELECT + ORDER).param("active", ACTIVE_STATES));
    }

    List<ChargerSnapshot> chargers(Collection<String> ids) {
        return inChunks(ids, chunk -> read(jdbc.sql(SELECT + " WHERE c.id IN (:ids)" + ORDER)
                .param("active", ACTIVE_STATES).param("ids", chunk)));
    }

    /** The chargers these sessions run on. */
    Set<String> chargersOfSessions(Collection<Long> sessionIds) {
        return new HashSet<>(inChunks(sessionIds, chunk ->
                jdbc.sql("SELECT DISTINCT charger_id FROM charging_session WHERE id IN (:ids)").param("ids", chunk)
                        .query(String.class).list()));
    }

    /**
     * Today's totals, "today" being the local day at each location (the server's for chargers without one),
     * counted on the day the session was requested, for the sessions that started charging. One query: it
     * reads the index on the request time once, over the span of all zones' todays (at most about two days),
     * and joins each session to its zone's today, a row per time zone in use.
     */
    Totals totals(Instant now, ZoneId serverZone) {
        Set<String> zones = new TreeSet<>(jdbc.sql("SELECT DISTINCT time_zone FROM location").query(String.class).list());
        zones.add(serverZone.getId());
        List<Object> params = new ArrayList<>();
        List<String> todays = new ArrayList<>();
        Instant spanStart = Instant.MAX;
        Instant spanEnd = Instant.MIN;
        Instant validUntil = Instant.MAX;
        for (String zoneId : zones) {
            ZoneId zone = knownOr(zoneId, serverZone);
            LocalDate today = LocalDate.ofInstant(now, zone);
            Instant midnight = today.atStartOfDay(zone).toInstant();
            Instant nextMidnight = today.plusDays(1).atStartOfDay(zone).toInstant();
            todays.add("SELECT ? AS time_zone, ? AS day_start, ? AS day_end");
            params.addAll(List.of(zoneId, Timestamp.from(midnight), Timestamp.from(nextMidnight)));
            spanStart = midnight.isBefore(spanStart) ? midnight : spanStart;
            spanEnd = nextMidnight.isAfter(spanEnd) ? nextMidnight : spanEnd;
            validUntil = nextMidnight.isBefore(validUntil) ? nextMidnight : validUntil;
        }
        params.addAll(List.of(serverZone.getId(), Timestamp.from(spanStart), Timestamp.from(spanEnd)));
        List<Totals.AtLocation> locations = jdbc.sql("""
                        SELECT c.location_id, COUNT(*) AS sessions,
                               SUM(COALESCE(s.energy_wh, GREATEST(0, s.last_energy_wh - s.meter_start_wh), 0)) AS energy_wh
                        FROM charging_session s
                        LEFT JOIN charger c ON c.id = s.charger_id
                        LEFT JOIN location l ON l.id = c.location_id
                        JOIN (%s) today ON today.time_zone = COALESCE(l.time_zone, ?)
                        WHERE s.requested_at >= ? AND s.requested_at < ? AND s.started_at IS NOT NULL -- the index range
                          AND s.requested_at >= today.day_start AND s.requested_at < today.day_end
                        GROUP BY c.location_id
                        ORDER BY c.location_id""".formatted(String.join(" UNION ALL ", todays)))
                .params(params)
                .query((rs, n) -> new Totals.AtLocation(rs.getObject("location_id", Long.class),
                        rs.getLong("sessions"), rs.getDouble("energy_wh") / 1000))
                .list();
        return new Totals(validUntil, locations);
    }

    /** A zone this Java no longer knows (its rules changed since the location was saved) counts as the server's. */
    private static ZoneId knownOr(String zoneId, ZoneId fallback) {
        try {
            return ZoneId.of(zoneId);
        } catch (DateTimeException unknown) {
            return fallback;
        }
    }

    /** One row per connector and active session: folded into one snapshot per charger, in charger id order. */
    private static List<ChargerSnapshot> read(JdbcClient.StatementSpec query) {
        Map<String, Folding> chargers = new LinkedHashMap<>();
        query.query(rs -> {
            Folding charger = chargers.get(rs.getString("id"));
            if (charger == null) {
                charger = new Folding(rs);
                chargers.put(charger.id, charger);
            }
            int connectorId = rs.getInt("connector_id");
            if (!rs.wasNull() && charger.connectorIds.add(connectorId)) {
                charger.connectors.add(connector(rs, connectorId));
            }
            long sessionId = rs.getLong("session_id");
            if (!rs.wasNull()) {
                charger.sessions.add(session(rs, sessionId, connectorId));
            }
        });
        return chargers.values().stream().map(Folding::snapshot).toList();
    }

    private static Connector connector(ResultSet rs, int connectorId) throws SQLException {
        return new Connector(connectorId, rs.getString("status"), rs.getString("error_code"), rs.getString("info"),
                rs.getString("vendor_id"), rs.getString("vendor_error_code"), instant(rs, "status_at"),
                rs.getBigDecimal("max_power_kw"));
    }

    private static ActiveSession session(ResultSet rs, long sessionId, int connectorId) throws SQLException {
        return new ActiveSession(sessionId, connectorId, SessionState.valueOf(rs.getString("state")),
                rs.getString("description"), rs.getString("started_by"), rs.getBigDecimal("power_cap_kw"),
                rs.getBigDecimal("energy_cap_kwh"), instant(rs, "started_at"),
                ChargingSession.deliveredWh((Double) rs.getObject("energy_wh"), (Double) rs.getObject("last_energy_wh"),
                        (Integer) rs.getObject("meter_start_wh")),
                (Double) rs.getObject("last_power_w"));
    }

    /** A charger's rows being folded together. */
    private static final class Folding {
        private final String id;
        private final String name;
        private final Long locationId;
        private final String locationName;
        private final Instant lastSeen;
        private final Set<Integer> connectorIds = new HashSet<>();
        private final List<Connector> connectors = new ArrayList<>();
        private final List<ActiveSession> sessions = new ArrayList<>();

        Folding(ResultSet rs) throws SQLException {
            id = rs.getString("id");
            name = rs.getString("name");
            long location = rs.getLong("location_id");
            locationId = rs.wasNull() ? null : location;
            locationName = rs.getString("location_name");
            lastSeen = instant(rs, "last_seen");
        }

        ChargerSnapshot snapshot() {
            return new ChargerSnapshot(id, name, locationId, locationName, lastSeen, List.copyOf(connectors),
                    List.copyOf(sessions));
        }
    }

    private static <I, T> List<T> inChunks(Collection<I> ids, Function<List<I>, List<T>> query) {
        List<I> all = List.copyOf(ids);
        List<T> results = new ArrayList<>();
        for (int from = 0; from < all.size(); from += MAX_IDS_PER_QUERY) {
            results.addAll(query.apply(all.subList(from, Math.min(all.size(), from + MAX_IDS_PER_QUERY))));
        }
        return results;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
