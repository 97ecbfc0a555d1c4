package org.chargeflow.ocpp.v16;

/** OCPP 1.6 FirmwareStatus. */
public enum FirmwareStatus {
    Downloaded,
    DownloadFailed,
    Downloading,
    Idle,
    InstallationFailed,
    Installing,
    Installed
}
