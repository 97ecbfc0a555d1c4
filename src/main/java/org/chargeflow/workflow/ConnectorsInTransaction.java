package org.chargeflow.workflow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connectors on which, as this node's charger lanes saw it, a transaction runs: the charger reported its
 * start and since then neither its stop, nor a status without a vehicle, nor a disconnect or a reboot.
 * A connector in a transaction cannot have a session waiting for a vehicle (a new session is refused on a
 * busy connector), so its many "Charging" statuses need no lookup of one. Anything uncertain removes a
 * connector: a wrong absence only costs a lookup, a wrong presence would leave a session waiting.
 */
final class ConnectorsInTransaction {

    /** Charger id to its connectors in a transaction (connector id to transaction id). */
    private final Map<String, Map<Integer, Integer>> byCharger = new ConcurrentHashMap<>();

    void started(String chargerId, int connectorId, int transactionId) {
        byCharger.computeIfAbsent(chargerId, id -> new ConcurrentHashMap<>()).put(connectorId, transactionId);
    }

    void stopped(String chargerId, int transactionId) {
        byCharger.computeIfPresent(chargerId, (id, connectors) -> {
            connectors.values().remove(transactionId);
            return connectors.isEmpty() ? null : connectors;
        });
    }

    void vehicleGone(String chargerId, int connectorId) {
        byCharger.computeIfPresent(chargerId, (id, connectors) -> {
            connectors.remove(connectorId);
            return connectors.isEmpty() ? null : connectors;
        });
    }

    void forget(String chargerId) {
        byCharger.remove(chargerId);
    }

    boolean inTransaction(String chargerId, int connectorId) {
        Map<Integer, Integer> connectors = byCharger.get(chargerId);
        return connectors != null && connectors.containsKey(connectorId);
    }
}
