package org.chargeflow.meter;

import org.chargeflow.platform.database.RowRetention;
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
        RowRetention.requirePositive("chargeflow.meter.retention", retention);
        RowRetention.requirePositive("chargeflow.meter.retention-check", retentionCheck);
    }
}
