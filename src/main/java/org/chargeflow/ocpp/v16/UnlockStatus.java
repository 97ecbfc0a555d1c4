package org.chargeflow.ocpp.v16;

/** OCPP 1.6 UnlockStatus. */
public enum UnlockStatus {
    Unlocked,
    UnlockFailed,
    NotSupported
}
