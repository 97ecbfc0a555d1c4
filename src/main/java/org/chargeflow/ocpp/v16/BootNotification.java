package org.chargeflow.ocpp.v16;

import java.time.Instant;

/** OCPP 1.6 BootNotification: sent by a charge point to the central system. */
public final class BootNotification {

    private BootNotification() {
    }

    public record Request(
            String chargePointVendor,
            String chargePointModel,
            String chargePointSerialNumber,
            String chargeBoxSerialNumber,
            String firmwareVersion,
            String iccid,
            String imsi,
            String meterType,
            String meterSerialNumber) {
    }

    public record Confirmation(
            RegistrationStatus status,
            Instant currentTime,
            int interval) {
    }
}
