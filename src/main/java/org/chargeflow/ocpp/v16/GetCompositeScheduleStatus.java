package org.chargeflow.ocpp.v16;

/** OCPP 1.6 GetCompositeScheduleStatus. */
public enum GetCompositeScheduleStatus {
    Accepted,
    Rejected
}
