package org.chargeflow.ocpp.v16;

import com.fasterxml.jackson.annotation.JsonProperty;

/** OCPP 1.6 ReadingContext. */
public enum ReadingContext {
    @JsonProperty("Interruption.Begin")
    Interruption_Begin,
    @JsonProperty("Interruption.End")
    Interruption_End,
    @JsonProperty("Sample.Clock")
    Sample_Clock,
    @JsonProperty("Sample.Periodic")
    Sample_Periodic,
    @JsonProperty("Transaction.Begin")
    Transaction_Begin,
    @JsonProperty("Transaction.End")
    Transaction_End,
    Trigger,
    Other
}
