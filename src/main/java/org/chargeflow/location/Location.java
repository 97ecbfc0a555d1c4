package org.chargeflow.location;

import java.math.BigDecimal;

/** A site with chargers; the grid capacity is what load management may share among them. */
public record Location(long id, String name, String address, String timeZone, BigDecimal gridCapacityKw,
                       int chargerCount) {
}
