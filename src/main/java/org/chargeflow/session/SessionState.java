package org.chargeflow.session;

import java.util.EnumSet;
import java.util.Set;

/** Where a charging session stands; the BPMN process moves it along. */
public enum SessionState {
    REQUESTED, WAITING_FOR_VEHICLE, STARTING, CHARGING, STOPPING, FINISHED, REFUSED, FAILED;

    /** States in which the session occupies its connector. */
    public static final Set<SessionState> ACTIVE = EnumSet.of(REQUESTED, WAITING_FOR_VEHICLE, STARTING, CHARGING, STOPPING);
}
