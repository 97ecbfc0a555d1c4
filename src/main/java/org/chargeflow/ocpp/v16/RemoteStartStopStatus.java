package org.chargeflow.ocpp.v16;

/** OCPP 1.6 RemoteStartStopStatus. */
public enum RemoteStartStopStatus {
    Accepted,
    Rejected
}
