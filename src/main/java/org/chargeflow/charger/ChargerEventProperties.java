package org.chargeflow.charger;

import org.chargeflow.platform.database.RowRetention;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long chargers' other reports (DataTransfer, diagnostics and firmware status, table {@code charger_event})
 * are kept ({@code chargeflow.charger.*}). A charger's latest diagnostics and firmware status stay on its own row.
 *
 * @param eventRetention      how long a report is kept after it was stored
 * @param eventRetentionCheck how often older reports are removed, which is also how much longer than the retention
 *                            period a report may stay
 */
@ConfigurationProperties("chargeflow.charger")
public record ChargerEventProperties(Duration eventRetention, Duration eventRetentionCheck) {

    public ChargerEventProperties {
        RowRetention.requirePositive("chargeflow.charger.event-retention", eventRetention);
        RowRetention.requirePositive("chargeflow.charger.event-retention-check", eventRetentionCheck);
    }
}
