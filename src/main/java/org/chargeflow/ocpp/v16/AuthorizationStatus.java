package org.chargeflow.ocpp.v16;

/** OCPP 1.6 AuthorizationStatus. */
public enum AuthorizationStatus {
    Accepted,
    Blocked,
    Expired,
    Invalid,
    ConcurrentTx
}
