package org.chargeflow.charger;

/** What a charger says about itself when it boots. */
public record BootInfo(String vendor, String model, String chargePointSerial, String chargeBoxSerial,
                       String firmwareVersion, String iccid, String imsi, String meterType, String meterSerial) {
}
