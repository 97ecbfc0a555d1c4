package org.chargeflow.ocpp.v16;

/** OCPP 1.6 UpdateType. */
public enum UpdateType {
    Differential,
    Full
}
