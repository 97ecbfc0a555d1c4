package org.chargeflow.workflow;

import org.chargeflow.session.SessionProperties;
import org.springframework.stereotype.Component;

/**
 * The processes' waiting times, as ISO 8601 durations for their timers and texts, e.g.
 * {@code ${timeouts.stop}}. Read from the configuration ({@code chargeflow.session.*}) when a timer starts,
 * not stored in each process as variables: a variable per timeout cost every session a runtime row and
 * a history row, for a value that is the same in all of them. A waiting timer's due date is in Cockpit.
 */
@Component("timeouts")
public class Timeouts {

    private final SessionProperties properties;

    Timeouts(SessionProperties properties) {
        this.properties = properties;
    }

    /** How long a session waits for the vehicle to be plugged in. */
    public String getPlugIn() {
        return properties.plugInTimeout().toString();
    }

    /** How long the charger may take to start charging after the remote start. */
    public String getStart() {
        return properties.startTimeout().toString();
    }

    /** How long the charger may take to confirm a stop. */
    public String getStop() {
        return properties.stopTimeout().toString();
    }

    /** How long a charging session survives its charger being offline. */
    public String getOfflineGrace() {
        return properties.offlineGrace().toString();
    }

    /** How long a reset charger may take to boot again. */
    public String getReboot() {
        return properties.rebootTimeout().toString();
    }
}
