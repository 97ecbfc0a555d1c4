package org.chargeflow.ocpp.v16;

/** OCPP 1.6 ClearChargingProfileStatus. */
public enum ClearChargingProfileStatus {
    Accepted,
    Unknown
}
