package org.chargeflow.dashboard;

import org.chargeflow.charger.Connector;
import org.chargeflow.session.ChargerReadiness;
import org.chargeflow.session.SessionState;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One charger as stored: where it stands, the connectors it reported and the sessions occupying them. */
record ChargerSnapshot(String id, String name, Long locationId, String locationName, Instant lastSeen,
                       List<Connector> connectors, List<ActiveSession> sessions) {

    /** A session that occupies a connector, with what a widget shows of it. */
    record ActiveSession(long id, int connectorId, SessionState state, String description, String startedBy,
                         BigDecimal powerCapKw, BigDecimal energyCapKwh, Instant startedAt, double deliveredWh,
                         Double powerW) {

        ChargerReadiness.Occupant occupant() {
            return new ChargerReadiness.Occupant(id, connectorId, state);
        }
    }
}
