package org.chargeflow.ocpp.v16;

/** OCPP 1.6 ValueFormat. */
public enum ValueFormat {
    Raw,
    SignedData
}
