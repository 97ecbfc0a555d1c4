package org.chargeflow.platform;

import java.util.concurrent.TimeUnit;

/** For background work done in rounds, which must leave the box to the chargers' traffic in between. */
public final class BackgroundWork {

    private BackgroundWork() {
    }

    /**
     * Pauses as long as the last round took, so that the work takes half the time of one thread at most.
     * False if interrupted: the application is stopping.
     */
    public static boolean pauseAfterRound(long roundNanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(roundNanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
