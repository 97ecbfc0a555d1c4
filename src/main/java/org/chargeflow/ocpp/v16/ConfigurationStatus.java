package org.chargeflow.ocpp.v16;

/** OCPP 1.6 ConfigurationStatus. */
public enum ConfigurationStatus {
    Accepted,
    Rejected,
    RebootRequired,
    NotSupported
}
