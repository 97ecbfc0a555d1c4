package org.chargeflow.charger;

import java.math.BigDecimal;
import java.time.Instant;

/** A connector as the API shows it: the latest reported state and its own power limit (null: the charger's). */
public record Connector(int connectorId, String status, String errorCode, String info, String vendorId,
                        String vendorErrorCode, Instant statusAt, BigDecimal maxPowerKw) {
}
