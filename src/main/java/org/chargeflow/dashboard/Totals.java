package org.chargeflow.dashboard;

import java.time.LocalDate;
import java.util.List;

/** Today's charging per location, so that the page can show all of them or the one it is limited to. */
record Totals(LocalDate day, List<AtLocation> locations) {

    /** Sessions that started charging today at a location (null: chargers without one) and the energy they delivered. */
    record AtLocation(Long locationId, long sessions, double energyKwh) {
    }
}
