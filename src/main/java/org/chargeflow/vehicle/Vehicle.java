package org.chargeflow.vehicle;

import java.math.BigDecimal;
import java.util.List;

/** A fleet vehicle and the id tags (RFID cards) that identify it at a charger. */
public record Vehicle(long id, String name, String vin, String plate, String make, String model, BigDecimal batteryKwh,
                      BigDecimal maxAcKw, BigDecimal maxDcKw, List<String> idTags) {
}
