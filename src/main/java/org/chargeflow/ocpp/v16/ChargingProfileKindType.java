package org.chargeflow.ocpp.v16;

/** OCPP 1.6 ChargingProfileKindType. */
public enum ChargingProfileKindType {
    Absolute,
    Recurring,
    Relative
}
