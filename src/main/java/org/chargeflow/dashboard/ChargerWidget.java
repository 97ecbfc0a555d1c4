package org.chargeflow.dashboard;

import org.chargeflow.charger.Connector;
import org.chargeflow.dashboard.ChargerSnapshot.ActiveSession;
import org.chargeflow.session.ChargerReadiness;
import org.chargeflow.session.ChargerReadiness.ChargerState;
import org.chargeflow.session.ChargerReadiness.Occupant;
import org.chargeflow.session.ChargingSession;
import org.chargeflow.session.SessionState;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A charger's widget: its state per connector, the progress of the sessions running on them, and which of
 * start, stop and reset are possible now; where one is not, why (the rules of {@link ChargerReadiness}, which
 * the processes apply again when the action arrives).
 *
 * @param state "Disconnected" without a live OCPP connection, else "Online" or what the charger reported for
 *              itself as a whole (connector 0: Unavailable, Faulted)
 */
record ChargerWidget(String id, String name, Long locationId, String locationName, boolean connected, String state,
                     Instant lastSeen, String resetBlockedBecause, List<ConnectorWidget> connectors) {

    static final String DISCONNECTED = "Disconnected";

    /** @param state "Disconnected", else the OCPP status the connector reported last ({@code reportedStatus}) */
    record ConnectorWidget(int connectorId, String state, String reportedStatus, String errorCode, String info,
                           SessionWidget session, String startBlockedBecause, String stopBlockedBecause) {
    }

    /** @param progressPercent toward the energy target, when the session has one */
    record SessionWidget(long id, SessionState state, String description, String startedBy, Instant startedAt,
                         Double powerKw, double energyKwh, BigDecimal powerCapKw, BigDecimal energyTargetKwh,
                         Integer progressPercent) {
    }

    static ChargerWidget of(ChargerSnapshot charger, boolean connected) {
        ChargerState rules = new ChargerState(charger.id(), connected, charger.connectors(), charger.sessions().stream()
                .map(ActiveSession::occupant).toList());
        List<ConnectorWidget> connectors = charger.connectors().stream().filter(c -> c.connectorId() > 0)
                .map(c -> connector(c, latestSession(charger, c.connectorId()), rules)).toList();
        String state = !connected ? DISCONNECTED : charger.connectors().stream()
                .filter(c -> c.connectorId() == 0 && !"Available".equals(c.status()))
                .map(Connector::status).findFirst().orElse("Online");
        return new ChargerWidget(charger.id(), charger.name(), charger.locationId(), charger.locationName(), connected,
                state, charger.lastSeen(), rules.whyNotReset().orElse(null), connectors);
    }

    private static ConnectorWidget connector(Connector c, Optional<ActiveSession> session, ChargerState rules) {
        ChargerReadiness.Verdict start = rules.forNewSession(c.connectorId());
        Occupant occupant = session.map(ActiveSession::occupant).orElse(null);
        return new ConnectorWidget(c.connectorId(), rules.connected() ? c.status() : DISCONNECTED, c.status(),
                c.errorCode(), c.info(), session.map(ChargerWidget::session).orElse(null),
                start.kind() == ChargerReadiness.Kind.READY ? null : start.reason(),
                rules.whyNotStop(occupant).orElse(null));
    }

    private static SessionWidget session(ActiveSession s) {
        Integer progress = ChargingSession.progressPercent(s.deliveredWh(), s.energyCapKwh());
        Double powerKw = s.state() == SessionState.CHARGING && s.powerW() != null ? s.powerW() / 1000 : null;
        return new SessionWidget(s.id(), s.state(), s.description(), s.startedBy(), s.startedAt(), powerKw,
                s.deliveredWh() / 1000, s.powerCapKw(), s.energyCapKwh(), progress);
    }

    private static Optional<ActiveSession> latestSession(ChargerSnapshot charger, int connectorId) {
        return charger.sessions().stream().filter(s -> s.connectorId() == connectorId)
                .max(Comparator.comparingLong(ActiveSession::id));
    }
}
