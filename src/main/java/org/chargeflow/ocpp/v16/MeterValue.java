package org.chargeflow.ocpp.v16;

import java.time.Instant;
import java.util.List;

/** OCPP 1.6 MeterValue. */
public record MeterValue(
        Instant timestamp,
        List<SampledValue> sampledValue) {
}
