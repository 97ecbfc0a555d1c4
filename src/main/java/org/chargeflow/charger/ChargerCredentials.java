package org.chargeflow.charger;

/** What the OCPP handshake needs to know about a charger. */
public record ChargerCredentials(String id, String passwordHash, int heartbeatIntervalSeconds) {
}
