package org.chargeflow.dashboard;

import java.time.LocalDate;

/** Today's charging: sessions that started charging since midnight and the energy they delivered. */
record Totals(LocalDate day, long sessions, double energyKwh) {
}
