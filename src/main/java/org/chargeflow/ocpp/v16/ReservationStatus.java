package org.chargeflow.ocpp.v16;

/** OCPP 1.6 ReservationStatus. */
public enum ReservationStatus {
    Accepted,
    Faulted,
    Occupied,
    Rejected,
    Unavailable
}
