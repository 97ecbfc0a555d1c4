package org.chargeflow.ocpp.v16;

/** OCPP 1.6 CancelReservationStatus. */
public enum CancelReservationStatus {
    Accepted,
    Rejected
}
