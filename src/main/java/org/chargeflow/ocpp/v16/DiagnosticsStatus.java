package org.chargeflow.ocpp.v16;

/** OCPP 1.6 DiagnosticsStatus. */
public enum DiagnosticsStatus {
    Idle,
    Uploaded,
    UploadFailed,
    Uploading
}
