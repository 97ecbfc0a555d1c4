package org.chargeflow.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * Today's charging per location, so that the page can show all of them or the one it is limited to. "Today"
 * is the local day at each location; {@code validUntil} is the first of their next midnights, when the totals
 * must be counted again.
 */
record Totals(Instant validUntil, List<AtLocation> locations) {

    /** Sessions that started charging today at a location (null: chargers without one) and the energy they delivered. */
    record AtLocation(Long locationId, long sessions, double energyKwh) {
    }
}
