package org.chargeflow.ocpp.v16;

/** OCPP 1.6 ResetStatus. */
public enum ResetStatus {
    Accepted,
    Rejected
}
