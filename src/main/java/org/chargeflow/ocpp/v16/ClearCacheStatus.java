package org.chargeflow.ocpp.v16;

/** OCPP 1.6 ClearCacheStatus. */
public enum ClearCacheStatus {
    Accepted,
    Rejected
}
