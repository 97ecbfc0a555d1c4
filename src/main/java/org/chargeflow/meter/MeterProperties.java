package org.chargeflow.meter;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long raw meter values are kept ({@code chargeflow.meter.*}).
 *
 * @param retention      how long a raw meter value is kept after it was stored; a session's energy and latest reading
 *                       are on the session's own row and stay
 * @param retentionCheck how often older values are removed, which is also how much longer than the retention period
 *                       a value may stay
 */
@ConfigurationProperties("chargeflow.meter")
public record MeterProperties(Duration retention, Duration retentionCheck) {

    public MeterProperties {
        requirePositive("chargeflow.meter.retention", retention);
        requirePositive("chargeflow.meter.retention-check", retentionCheck);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration (e.g. 400d or 1h), not " + value);
        }
    }
}
