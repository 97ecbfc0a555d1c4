package org.chargeflow.ocpp.v16;

/** OCPP 1.6 ResetType. */
public enum ResetType {
    Hard,
    Soft
}
