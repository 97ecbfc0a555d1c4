package org.chargeflow.session;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Waits and limits of the session and reset processes ({@code chargeflow.session.*}); they become the
 * timers of the BPMN diagrams.
 *
 * @param plugInTimeout    how long a session waits for the vehicle to be plugged in
 * @param startTimeout     how long the charger may take to start charging after the remote start
 * @param stopTimeout      how long the charger may take to confirm a stop
 * @param offlineGrace     how long a charging session survives its charger being offline
 * @param rebootTimeout    how long a reset charger may take to boot again
 * @param monitorRefresh   how often a running session's task variables are refreshed from meter values (the second
 *                         refresh after a random part of it, so that sessions started together spread out)
 */
@ConfigurationProperties("chargeflow.session")
public record SessionProperties(Duration plugInTimeout, Duration startTimeout, Duration stopTimeout,
                                Duration offlineGrace, Duration rebootTimeout, Duration monitorRefresh) {
}
