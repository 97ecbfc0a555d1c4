package org.chargeflow.ocpp.v16;

import java.util.List;

/** OCPP 1.6 MeterValues: sent by a charge point to the central system. */
public final class MeterValues {

    private MeterValues() {
    }

    public record Request(
            int connectorId,
            Integer transactionId,
            List<MeterValue> meterValue) {
    }

    public record Confirmation() {
    }
}
