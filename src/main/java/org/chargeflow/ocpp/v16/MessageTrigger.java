package org.chargeflow.ocpp.v16;

/** OCPP 1.6 MessageTrigger. */
public enum MessageTrigger {
    BootNotification,
    DiagnosticsStatusNotification,
    FirmwareStatusNotification,
    Heartbeat,
    MeterValues,
    StatusNotification
}
