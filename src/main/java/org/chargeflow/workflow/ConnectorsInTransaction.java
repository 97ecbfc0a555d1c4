package org.chargeflow.workflow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The connectors on which, as this node's charger lanes saw it, a transaction runs: the charger reported its
 * start (or meter values of it) and since then neither its stop, nor a status without a vehicle, nor a
 * disconnect or a reboot. A connector in a transaction cannot have a session waiting for a vehicle (a new
 * session is refused on a busy connector), so its many "Charging" statuses need no lookup of one. Anything
 * uncertain removes a connector: a wrong absence only costs a lookup, a wrong presence would leave a session
 * waiting.
 * <p>
 * Each transaction may carry what the lane learnt about it ({@code T}), so that its meter values need not
 * read it again. A connector holds one transaction at a time and a charger's entries go with its disconnect,
 * so what is kept is bounded by the connected chargers' connectors, also for sessions that end without the
 * charger ever reporting the stop.
 */
final class ConnectorsInTransaction<T> {

    private record Running<T>(int transactionId, T facts) {
    }

    /** Charger id to its connectors in a transaction. */
    private final Map<String, Map<Integer, Running<T>>> byCharger = new ConcurrentHashMap<>();

    void started(String chargerId, int connectorId, int transactionId) {
        remember(chargerId, connectorId, transactionId, null);
    }

    /** The transaction runs on the connector, with what is known of it; replaces the connector's earlier one. */
    void remember(String chargerId, int connectorId, int transactionId, T facts) {
        byCharger.computeIfAbsent(chargerId, id -> new ConcurrentHashMap<>()).put(connectorId, new Running<>(transactionId, facts));
    }

    /** What was remembered about a running transaction, or null. */
    T facts(String chargerId, int transactionId) {
        Map<Integer, Running<T>> connectors = byCharger.get(chargerId);
        if (connectors == null) {
            return null;
        }
        for (Running<T> running : connectors.values()) {
            if (running.transactionId() == transactionId) {
                return running.facts();
            }
        }
        return null;
    }

    /** The transaction ended; returns what was remembered about it, or null. */
    T stopped(String chargerId, int transactionId) {
        T facts = facts(chargerId, transactionId);
        update(chargerId, connectors -> connectors.values().removeIf(running -> running.transactionId() == transactionId));
        return facts;
    }

    void vehicleGone(String chargerId, int connectorId) {
        update(chargerId, connectors -> connectors.remove(connectorId));
    }

    void forget(String chargerId) {
        byCharger.remove(chargerId);
    }

    boolean inTransaction(String chargerId, int connectorId) {
        Map<Integer, Running<T>> connectors = byCharger.get(chargerId);
        return connectors != null && connectors.containsKey(connectorId);
    }

    private void update(String chargerId, Consumer<Map<Integer, Running<T>>> change) {
        byCharger.computeIfPresent(chargerId, (id, connectors) -> {
            change.accept(connectors);
            return connectors.isEmpty() ? null : connectors;
        });
    }
}
