package org.chargeflow.session;

import jakarta.annotation.PreDestroy;
import org.chargeflow.platform.database.GroupCommitter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Charging sessions' latest meter readings (the live energy and power on the session row). A charger
 * may meter every few seconds; its raw meter values are stored before it is answered, so here only the
 * newest reading of each session is kept and written, together with every other session's, about once
 * a second: one row per session and second, however often the chargers meter.
 */
@Component
public class LatestReadings {

    private static final String WRITE = """
            UPDATE charging_session SET last_energy_wh = COALESCE(?, last_energy_wh),
                   last_power_w = COALESCE(?, last_power_w), last_reading_at = ?
            WHERE id = ? AND state = 'CHARGING' AND (last_reading_at IS NULL OR last_reading_at <= ?)""";

    private final GroupCommitter committer;
    private final ApplicationEventPublisher events;
    private final Map<Long, Reading> unwritten = new ConcurrentHashMap<>();

    LatestReadings(@Qualifier(GroupCommitter.SESSION_READINGS) GroupCommitter committer,
                   ApplicationEventPublisher events) {
        this.committer = committer;
        this.events = events;
    }

    /** Keeps the reading if it is the session's newest; null values keep the previous ones. */
    public void record(long sessionId, Double energyWh, Double powerW, Instant at) {
        unwritten.merge(sessionId, new Reading(energyWh, powerW, at), Reading::merge);
    }

    /** Writes every reading kept since the last time; completes once they are committed. */
    @Scheduled(fixedDelay = 1000)
    @PreDestroy
    CompletableFuture<Void> write() {
        List<Long> sessions = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (Long id : unwritten.keySet()) {
            Reading r = unwritten.remove(id);
            if (r != null) {
                sessions.add(id);
                rows.add(new Object[]{r.energyWh(), r.powerW(), Timestamp.from(r.at()), id, Timestamp.from(r.at())});
            }
        }
        return committer.submit(WRITE, rows)
                .thenRun(() -> sessions.forEach(id -> events.publishEvent(new SessionEvents.SessionChanged(id))));
    }

    private record Reading(Double energyWh, Double powerW, Instant at) {

        static Reading merge(Reading a, Reading b) {
            Reading newer = b.at().isBefore(a.at()) ? a : b;
            Reading older = newer == a ? b : a;
            return new Reading(newer.energyWh() != null ? newer.energyWh() : older.energyWh(),
                    newer.powerW() != null ? newer.powerW() : older.powerW(), newer.at());
        }
    }
}
