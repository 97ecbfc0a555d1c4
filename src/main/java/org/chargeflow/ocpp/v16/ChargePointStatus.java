package org.chargeflow.ocpp.v16;

/** OCPP 1.6 ChargePointStatus. */
public enum ChargePointStatus {
    Available,
    Preparing,
    Charging,
    SuspendedEVSE,
    SuspendedEV,
    Finishing,
    Reserved,
    Unavailable,
    Faulted
}
