package org.chargeflow.ocpp.v16;

import org.chargeflow.ocpp.OcppRequest;
import java.time.Instant;

/** OCPP 1.6 GetCompositeSchedule: sent by the central system to a charge point. */
public final class GetCompositeSchedule {

    private GetCompositeSchedule() {
    }

    public record Request(
            int connectorId,
            int duration,
            ChargingRateUnitType chargingRateUnit) implements OcppRequest<Confirmation> {
        @Override
        public Class<Confirmation> confirmationType() {
            return Confirmation.class;
        }
    }

    public record Confirmation(
            GetCompositeScheduleStatus status,
            Integer connectorId,
            Instant scheduleStart,
            ChargingSchedule chargingSchedule) {
    }
}
