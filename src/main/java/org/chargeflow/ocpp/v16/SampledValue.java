package org.chargeflow.ocpp.v16;

/** OCPP 1.6 SampledValue. */
public record SampledValue(
        String value,
        ReadingContext context,
        ValueFormat format,
        Measurand measurand,
        Phase phase,
        Location location,
        UnitOfMeasure unit) {
}
