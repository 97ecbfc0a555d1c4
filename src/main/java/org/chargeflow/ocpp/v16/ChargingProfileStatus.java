package org.chargeflow.ocpp.v16;

/** OCPP 1.6 ChargingProfileStatus. */
public enum ChargingProfileStatus {
    Accepted,
    Rejected,
    NotSupported
}
