package org.chargeflow.ocpp.v16;

import java.time.Instant;
import java.util.List;

/** OCPP 1.6 StopTransaction: sent by a charge point to the central system. */
public final class StopTransaction {

    private StopTransaction() {
    }

    public record Request(
            String idTag,
            int meterStop,
            Instant timestamp,
            int transactionId,
            Reason reason,
            List<MeterValue> transactionData) {
    }

    public record Confirmation(
            IdTagInfo idTagInfo) {
    }
}
