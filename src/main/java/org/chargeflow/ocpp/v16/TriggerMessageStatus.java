package org.chargeflow.ocpp.v16;

/** OCPP 1.6 TriggerMessageStatus. */
public enum TriggerMessageStatus {
    Accepted,
    Rejected,
    NotImplemented
}
