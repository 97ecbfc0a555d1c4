package org.chargeflow.ocpp.v16;

/** OCPP 1.6 Location. */
public enum Location {
    Cable,
    EV,
    Inlet,
    Outlet,
    Body
}
