package org.chargeflow.ocpp.v16;

/** OCPP 1.6 KeyValue. */
public record KeyValue(
        String key,
        boolean readonly,
        String value) {
}
