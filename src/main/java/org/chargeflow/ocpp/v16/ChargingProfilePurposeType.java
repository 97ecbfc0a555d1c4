package org.chargeflow.ocpp.v16;

/** OCPP 1.6 ChargingProfilePurposeType. */
public enum ChargingProfilePurposeType {
    ChargePointMaxProfile,
    TxDefaultProfile,
    TxProfile
}
