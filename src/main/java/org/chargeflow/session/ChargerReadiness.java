package org.chargeflow.session;

import org.chargeflow.charger.Charger;
import org.chargeflow.charger.ChargerRepository;
import org.chargeflow.charger.Connector;
import org.chargeflow.ocpp.ChargerConnections;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/** Whether a connector can take a new session now, and if not, why, in words an operator understands. */
@Component
public class ChargerReadiness {

    /** Statuses in which a vehicle is plugged in (OCPP 1.6). */
    public static final Set<String> VEHICLE_CONNECTED = Set.of("Preparing", "Charging", "SuspendedEV", "SuspendedEVSE", "Finishing");
    private static final Set<String> READY_TO_START = Set.of("Preparing", "SuspendedEV", "SuspendedEVSE");
    private static final Set<String> OUT_OF_ORDER = Set.of("Unavailable", "Faulted");

    public enum Kind { READY, NOT_PLUGGED_IN, REFUSED }

    public record Verdict(Kind kind, String reason) {
        static Verdict refused(String reason) {
            return new Verdict(Kind.REFUSED, reason);
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

    public Verdict forNewSession(String chargerId, int connectorId, long sessionId) {
        Optional<Charger> charger = chargers.find(chargerId);
        if (charger.isEmpty()) {
            return Verdict.refused("Charger " + chargerId + " is not registered");
        }
        if (!connections.isConnected(chargerId)) {
            return Verdict.refused("Charger " + chargerId + " is disconnected: no action is possible until it reconnects");
        }
        Optional<Connector> whole = status(charger.get(), 0);
        if (whole.isPresent() && OUT_OF_ORDER.contains(whole.get().status())) {
            return Verdict.refused("Charger " + chargerId + " is " + describe(whole.get()));
        }
        Optional<Connector> connector = status(charger.get(), connectorId);
        if (connector.isEmpty()) {
            return Verdict.refused("Charger " + chargerId + " has not reported a connector " + connectorId);
        }
        String status = connector.get().status();
        if (OUT_OF_ORDER.contains(status) || "Reserved".equals(status)) {
            return Verdict.refused("Connector " + connectorId + " of " + chargerId + " is " + describe(connector.get()));
        }
        Optional<ChargingSession> other = sessions.activeOn(chargerId, connectorId).filter(s -> s.id() != sessionId);
        if (other.isPresent()) {
            return Verdict.refused("Connector " + connectorId + " of " + chargerId + " is busy with session " + other.get().id());
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
    public Optional<String> whyNotReset(String chargerId) {
        Optional<Charger> charger = chargers.find(chargerId);
        if (charger.isEmpty()) {
            return Optional.of("Charger " + chargerId + " is not registered");
        }
        if (!connections.isConnected(chargerId)) {
            return Optional.of("Charger " + chargerId + " is disconnected: it cannot be reset until it reconnects");
        }
        Optional<Connector> plugged = charger.get().connectors().stream()
                .filter(c -> c.connectorId() > 0 && VEHICLE_CONNECTED.contains(c.status())).findFirst();
        if (plugged.isPresent()) {
            return Optional.of("A vehicle is connected to connector " + plugged.get().connectorId() + " of " + chargerId
                    + " (" + plugged.get().status() + "): unplug it before resetting");
        }
        return sessions.activeOn(chargerId).stream()
                .filter(s -> s.state() == SessionState.STARTING || s.state() == SessionState.CHARGING || s.state() == SessionState.STOPPING)
                .findFirst()
                .map(s -> "Session " + s.id() + " is running on connector " + s.connectorId() + " of " + chargerId
                        + ": stop it before resetting");
    }

    private static Optional<Connector> status(Charger charger, int connectorId) {
        return charger.connectors().stream().filter(c -> c.connectorId() == connectorId).findFirst();
    }

    private static String describe(Connector s) {
        return "NoError".equals(s.errorCode()) ? s.status() : s.status() + " (" + s.errorCode() + ")";
    }
}
