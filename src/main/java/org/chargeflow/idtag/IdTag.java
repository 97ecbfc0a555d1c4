package org.chargeflow.idtag;

import java.time.Instant;

/** An id tag (RFID card or other identifier) as stored: OCPP status, expiry, parent tag and the vehicle it identifies. */
public record IdTag(String idTag, String status, Instant expiryDate, String parentIdTag, Long vehicleId) {
}
