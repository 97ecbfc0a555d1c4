package org.chargeflow.session;

import org.chargeflow.charger.ChargerRepository;
import org.chargeflow.charger.Connector;
import org.chargeflow.ocpp.ChargerConnections;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a connector can take a new session, a session can be stopped or a charger reset now, and if not,
 * why, in words an operator understands. The rules themselves live in {@link ChargerState}, so that the
 * processes (one charger, read fresh) and the dashboard (many chargers, read at once) apply the same ones.
 */
@Component
public class ChargerReadiness {

    /** Statuses in which a vehicle is plugged in (OCPP 1.6). */
    public static final Set<String> VEHICLE_CONNECTED = Set.of("Preparing", "Charging", "SuspendedEV", "SuspendedEVSE", "Finishing");
    private static final Set<String> READY_TO_START = Set.of("Preparing", "SuspendedEV", "SuspendedEVSE");
    private static final Set<String> OUT_OF_ORDER = Set.of("Unavailable", "Faulted");
    /** Sessions an operator can stop: charging ones, and ones still waiting for the vehicle (stopping cancels them). */
    public static final Set<SessionState> STOPPABLE = EnumSet.of(SessionState.WAITING_FOR_VEHICLE, SessionState.CHARGING);
    private static final Set<SessionState> RUNNING = EnumSet.of(SessionState.STARTING, SessionState.CHARGING, SessionState.STOPPING);

    public enum Kind { READY, NOT_PLUGGED_IN, REFUSED }

    public record Verdict(Kind kind, String reason) {
        static Verdict refused(String reason) {
            return new Verdict(Kind.REFUSED, reason);
        }
    }

    /** A session that occupies a connector, as far as the rules care. */
    public record Occupant(long sessionId, int connectorId, SessionState state) {
        static Occupant of(ChargingSession s) {
            return new Occupant(s.id(), s.connectorId(), s.state());
        }
    }

    /**
     * What the rules look at: the charger's live connection, the connectors it reported (0 = the charger as a
     * whole) and the sessions that occupy them.
     */
    public record ChargerState(String chargerId, boolean connected, List<Connector> connectors,
                               List<Occupant> activeSessions) {

        public Verdict forNewSession(int connectorId) {
            if (!connected) {
                return Verdict.refused(disconnected());
            }
            Optional<Connector> whole = connector(0);
            if (whole.isPresent() && OUT_OF_ORDER.contains(whole.get().status())) {
                return Verdict.refused("Charger " + chargerId + " is " + describe(whole.get()));
            }
            Optional<Connector> connector = connector(connectorId);
            if (connector.isEmpty()) {
                return Verdict.refused("Charger " + chargerId + " has not reported a connector " + connectorId);
            }
            String status = connector.get().status();
            if (OUT_OF_ORDER.contains(status) || "Reserved".equals(status)) {
                return Verdict.refused("Connector " + connectorId + " of " + chargerId + " is " + describe(connector.get()));
            }
            Optional<Occupant> other = activeSessions.stream().filter(s -> s.connectorId() == connectorId)
                    .max(Comparator.comparingLong(Occupant::sessionId));
            if (other.isPresent()) {
                return Verdict.refused("Connector " + connectorId + " of " + chargerId + " is busy with session "
                        + other.get().sessionId());
            }
            if (READY_TO_START.contains(status)) {
                return new Verdict(Kind.READY, null);
            }
            if ("Available".equals(status)) {
                return new Verdict(Kind.NOT_PLUGGED_IN, "The vehicle is not plugged into connector " + connectorId);
            }
            return Verdict.refused("Connector " + connectorId + " of " + chargerId + " is already " + status);
        }

        /** Why the charger may not be reset now, or empty if it may. */
        public Optional<String> whyNotReset() {
            if (!connected) {
                return Optional.of("Charger " + chargerId + " is disconnected: it cannot be reset until it reconnects");
            }
            Optional<Connector> plugged = connectors.stream()
                    .filter(c -> c.connectorId() > 0 && VEHICLE_CONNECTED.contains(c.status())).findFirst();
            if (plugged.isPresent()) {
                return Optional.of("A vehicle is connected to connector " + plugged.get().connectorId() + " of " + chargerId
                        + " (" + plugged.get().status() + "): unplug it before resetting");
            }
            return activeSessions.stream().filter(s -> RUNNING.contains(s.state())).findFirst()
                    .map(s -> "Session " + s.sessionId() + " is running on connector " + s.connectorId() + " of "
                            + chargerId + ": stop it before resetting");
        }

        /** Why this session (null: none runs) may not be stopped now, or empty if it may. */
        public Optional<String> whyNotStop(Occupant session) {
            if (session == null) {
                return Optional.of("No session runs on this connector");
            }
            if (!SessionState.ACTIVE.contains(session.state())) {
                return Optional.of("Session " + session.sessionId() + " has already ended");
            }
            if (!connected) {
                return Optional.of(disconnected());
            }
            if (session.state() == SessionState.STOPPING) {
                return Optional.of("Session " + session.sessionId() + " is already stopping");
            }
            if (!STOPPABLE.contains(session.state())) {
                return Optional.of("Session " + session.sessionId() + " is starting: it can be stopped once charging has begun");
            }
            return Optional.empty();
        }

        private String disconnected() {
            return "Charger " + chargerId + " is disconnected: no action is possible until it reconnects";
        }

        private Optional<Connector> connector(int connectorId) {
            return connectors.stream().filter(c -> c.connectorId() == connectorId).findFirst();
        }

        private static String describe(Connector c) {
            return "NoError".equals(c.errorCode()) ? c.status() : c.status() + " (" + c.errorCode() + ")";
        }
    }

    private final ChargerRepository chargers;
    private final ChargerConnections connections;
    private final SessionRepository sessions;

    public ChargerReadiness(ChargerRepository chargers, ChargerConnections connections, SessionRepository sessions) {
        this.chargers = chargers;
        this.connections = connections;
        this.sessions = sessions;
    }

    /** For session {@code sessionId} itself, which already occupies the connector while it is being checked. */
    public Verdict forNewSession(String chargerId, int connectorId, long sessionId) {
        return state(chargerId, sessionId).map(s -> s.forNewSession(connectorId))
                .orElseGet(() -> Verdict.refused(notRegistered(chargerId)));
    }

    /** Why the charger may not be reset now, or empty if it may. */
    public Optional<String> whyNotReset(String chargerId) {
        return state(chargerId, null).map(ChargerState::whyNotReset).orElseGet(() -> Optional.of(notRegistered(chargerId)));
    }

    /** Why the operator may not stop this session now, or empty if they may. */
    public Optional<String> whyNotStop(ChargingSession session) {
        return state(session.chargerId(), null).map(s -> s.whyNotStop(Occupant.of(session)))
                .orElseGet(() -> Optional.of(notRegistered(session.chargerId())));
    }

    private Optional<ChargerState> state(String chargerId, Long excludedSessionId) {
        return chargers.find(chargerId).map(charger -> new ChargerState(chargerId, connections.isConnected(chargerId),
                charger.connectors(), sessions.activeOn(chargerId).stream()
                .filter(s -> excludedSessionId == null || s.id() != excludedSessionId)
                .map(Occupant::of).toList()));
    }

    private static String notRegistered(String chargerId) {
        return "Charger " + chargerId + " is not registered";
    }
}
