package org.chargeflow.ocpp.v16;

/** OCPP 1.6 ChargingRateUnitType. */
public enum ChargingRateUnitType {
    A,
    W
}
