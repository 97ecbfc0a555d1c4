package org.chargeflow.ocpp.v16;

/** OCPP 1.6 RecurrencyKindType. */
public enum RecurrencyKindType {
    Daily,
    Weekly
}
