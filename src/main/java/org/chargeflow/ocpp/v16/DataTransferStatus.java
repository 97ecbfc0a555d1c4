package org.chargeflow.ocpp.v16;

/** OCPP 1.6 DataTransferStatus. */
public enum DataTransferStatus {
    Accepted,
    Rejected,
    UnknownMessageId,
    UnknownVendorId
}
