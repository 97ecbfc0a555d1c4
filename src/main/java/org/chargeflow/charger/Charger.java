package org.chargeflow.charger;

import java.time.Instant;
import java.util.List;

/** A charger as the API shows it: identity, what it reported at boot, liveness and its connectors. */
public record Charger(String id, String name, String vendor, String model, String serialNumber, String firmwareVersion,
                      boolean online, Instant lastSeen, Instant lastBoot, int heartbeatIntervalSeconds,
                      String firmwareStatus, String diagnosticsStatus, List<ConnectorStatus> connectors) {
}
