package org.chargeflow.ocpp.v16;

/** OCPP 1.6 AvailabilityType. */
public enum AvailabilityType {
    Inoperative,
    Operative
}
