package org.chargeflow.ocpp.v16;

/** OCPP 1.6 RegistrationStatus. */
public enum RegistrationStatus {
    Accepted,
    Pending,
    Rejected
}
