package org.chargeflow.session;

import java.time.Instant;

/** Filters for the session list; null means "any". */
public record SessionSearch(String chargerId, Long locationId, Long vehicleId, SessionState state, Instant from,
                            Instant to, Long beforeId, int limit) {
}
