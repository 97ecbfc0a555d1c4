package org.chargeflow.ocpp.v16;

/** OCPP 1.6 AvailabilityStatus. */
public enum AvailabilityStatus {
    Accepted,
    Rejected,
    Scheduled
}
