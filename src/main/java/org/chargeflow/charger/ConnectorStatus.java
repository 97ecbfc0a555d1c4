package org.chargeflow.charger;

import java.time.Instant;

/** The latest state a charger reported for one connector (0 = the charger as a whole). */
public record ConnectorStatus(String chargerId, int connectorId, String status, String errorCode, String info,
                              String vendorId, String vendorErrorCode, Instant statusAt) {
}
