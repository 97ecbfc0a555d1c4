package org.chargeflow.ocpp;

import org.chargeflow.charger.ChargerRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live charger connections of this node: at most one per charger (a new one replaces the old),
 * kept alive with pings, closed when a charger falls silent, and their last-seen times stored in batches.
 */
@Component
public class ChargerConnections {

    static final CloseStatus REPLACED = CloseStatus.NORMAL.withReason("Replaced by a new connection");
    static final CloseStatus SILENT = CloseStatus.SESSION_NOT_RELIABLE.withReason("No message within the heartbeat interval");
    private static final Logger log = LoggerFactory.getLogger(ChargerConnections.class);

    private final Map<String, ChargerConnection> live = new ConcurrentHashMap<>();
    private final ChargerRepository chargers;
    private final OcppProperties properties;
    private final Clock clock;

    public ChargerConnections(ChargerRepository chargers, OcppProperties properties, Clock clock) {
        this.chargers = chargers;
        this.properties = properties;
        this.clock = clock;
    }

    public boolean isConnected(String chargerId) {
        return live.containsKey(chargerId);
    }

    public int count() {
        return live.size();
    }

    Optional<ChargerConnection> get(String chargerId) {
        return Optional.ofNullable(live.get(chargerId));
    }

    void add(ChargerConnection connection) {
        ChargerConnection previous = live.put(connection.chargerId(), connection);
        if (previous != null) {
            log.info("Charger {} connected again: closing its previous connection", connection.chargerId());
            previous.closed();
            previous.close(REPLACED);
        }
    }

    /** True when this was the charger's current connection (not one already replaced). */
    boolean remove(ChargerConnection connection) {
        connection.closed();
        return live.remove(connection.chargerId(), connection);
    }

    @Scheduled(fixedDelay = 1000)
    void closeSilentAndPing() {
        Instant now = clock.instant();
        for (ChargerConnection c : live.values()) {
            if (c.silentSince(now.minus(c.heartbeatInterval()).minus(properties.offlineGrace()))) {
                log.info("Charger {} silent since {}: closing its connection", c.chargerId(), c.lastSeen());
                c.close(SILENT);
            } else {
                c.pingIfDue(now, properties.pingInterval());
            }
        }
    }

    @Scheduled(fixedDelayString = "${chargeflow.ocpp.last-seen-interval}")
    void storeLastSeen() {
        Map<String, Instant> seen = new HashMap<>();
        for (ChargerConnection c : live.values()) {
            Instant at = c.takeUnstoredLastSeen();
            if (at != null) {
                seen.put(c.chargerId(), at);
            }
        }
        if (!seen.isEmpty()) {
            chargers.touch(seen).whenComplete((ok, failure) -> {
                if (failure != null) {
                    log.warn("Storing {} chargers' last-seen times failed, trying again next round: {}", seen.size(),
                            failure.getMessage());
                    seen.keySet().stream().map(live::get).filter(Objects::nonNull)
                            .forEach(ChargerConnection::lastSeenNotStored);
                }
            });
        }
    }
}
