package org.chargeflow.ocpp.v16;

import java.time.Instant;

/** OCPP 1.6 Heartbeat: sent by a charge point to the central system. */
public final class Heartbeat {

    private Heartbeat() {
    }

    public record Request() {
    }

    public record Confirmation(
            Instant currentTime) {
    }
}
