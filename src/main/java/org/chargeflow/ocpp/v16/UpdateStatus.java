package org.chargeflow.ocpp.v16;

/** OCPP 1.6 UpdateStatus. */
public enum UpdateStatus {
    Accepted,
    Failed,
    NotSupported,
    VersionMismatch
}
