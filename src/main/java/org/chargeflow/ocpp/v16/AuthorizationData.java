package org.chargeflow.ocpp.v16;

/** OCPP 1.6 AuthorizationData. */
public record AuthorizationData(
        String idTag,
        IdTagInfo idTagInfo) {
}
