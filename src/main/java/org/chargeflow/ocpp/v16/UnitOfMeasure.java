package org.chargeflow.ocpp.v16;

/** OCPP 1.6 UnitOfMeasure. */
public enum UnitOfMeasure {
    Wh,
    kWh,
    varh,
    kvarh,
    W,
    kW,
    VA,
    kVA,
    var,
    kvar,
    A,
    V,
    K,
    Celcius,
    Celsius,
    Fahrenheit,
    Percent
}
