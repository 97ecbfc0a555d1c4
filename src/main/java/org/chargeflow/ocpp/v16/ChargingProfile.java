package org.chargeflow.ocpp.v16;

import java.time.Instant;

/** OCPP 1.6 ChargingProfile. */
public record ChargingProfile(
        int chargingProfileId,
        Integer transactionId,
        int stackLevel,
        ChargingProfilePurposeType chargingProfilePurpose,
        ChargingProfileKindType chargingProfileKind,
        RecurrencyKindType recurrencyKind,
        Instant validFrom,
        Instant validTo,
        ChargingSchedule chargingSchedule) {
}
