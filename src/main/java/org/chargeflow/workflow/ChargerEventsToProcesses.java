package org.chargeflow.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.chargeflow.events.ChargerEvents;
import org.chargeflow.session.ChargerReadiness;
import org.chargeflow.session.ChargingSession;
import org.chargeflow.session.LatestReadings;
import org.chargeflow.session.SessionProperties;
import org.chargeflow.session.SessionRepository;
import org.chargeflow.session.SessionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static org.chargeflow.workflow.SessionVariables.*;

/**
 * Turns what chargers report into BPMN messages for the sessions and resets waiting on them, in
 * {@link ChargerLanes} (never on the thread that answers the charger). Only what changes a session's
 * course wakes the engine; meter values update the session row (through {@link LatestReadings}), and the
 * Charging task's variables (through {@link LiveFigures}) about every {@code chargeflow.session.monitor-refresh}
 * (see {@link Charging#refreshDue}).
 */
@Component
class ChargerEventsToProcesses {

    private static final Logger log = LoggerFactory.getLogger(ChargerEventsToProcesses.class);
    private static final double TARGET_SHARE = 0.995;

    private final SessionRepository sessions;
    private final LatestReadings latestReadings;
    private final LiveFigures liveFigures;
    private final ProcessMessages messages;
    private final RuntimeService runtime;
    private final SessionProperties properties;
    private final Clock clock;
    private final ChargerLanes lanes;
    private final TransactionTemplate transactions;
    private final ConnectorsInTransaction<Charging> inTransaction = new ConnectorsInTransaction<>();

    ChargerEventsToProcesses(SessionRepository sessions, LatestReadings latestReadings, LiveFigures liveFigures,
                             ProcessMessages messages, RuntimeService runtime, SessionProperties properties, Clock clock,
                             ChargerLanes lanes, TransactionTemplate transactions) {
        this.sessions = sessions;
        this.latestReadings = latestReadings;
        this.liveFigures = liveFigures;
        this.messages = messages;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
        this.lanes = lanes;
        this.transactions = transactions;
    }

    @EventListener
    void on(ChargerEvents.ConnectorStatusChanged e) {
        lanes.run(e.chargerId(), () -> statusChanged(e));
    }

    private void statusChanged(ChargerEvents.ConnectorStatusChanged e) {
        if (!ChargerReadiness.VEHICLE_CONNECTED.contains(e.status())) {
            inTransaction.vehicleGone(e.chargerId(), e.connectorId());
            return;
        }
        if (inTransaction.inTransaction(e.chargerId(), e.connectorId())) {
            return; // a charging connector's statuses come often: at 5,000 msg/s, 500 lookups/s saved
        }
        sessions.waitingForVehicle(e.chargerId(), e.connectorId())
                .ifPresent(processInstanceId -> messages.deliver(processInstanceId, "VehiclePluggedIn", Map.of()));
    }

    @EventListener
    void on(ChargerEvents.TransactionStarted e) {
        lanes.run(e.chargerId(), () -> transactionStarted(e));
    }

    private void transactionStarted(ChargerEvents.TransactionStarted e) {
        inTransaction.started(e.chargerId(), e.connectorId(), e.transactionId());
        if (sessions.byTransaction(e.transactionId()).isPresent()) {
            return; // a resent StartTransaction
        }
        Optional<ChargingSession> requested = sessions.activeOn(e.chargerId(), e.connectorId())
                .filter(s -> s.state() == SessionState.STARTING && s.transactionId() == null);
        if (requested.isPresent()) {
            ChargingSession s = requested.get();
            // One transaction: if telling the process fails, the row is not marked started either, so that
            // the lane's next attempt does not take this start for a resent one.
            transactions.executeWithoutResult(tx -> {
                sessions.started(s.id(), e.transactionId(), e.meterStartWh(), e.at());
                if (!messages.deliver(s.processInstanceId(), "TransactionStarted", started(e, s.energyCapKwh()))) {
                    // The session gave up waiting (its start timed out) a moment ago: it stays closed.
                    log.warn("Session {} no longer waits for a start; transaction {} of {} is left without a session",
                            s.id(), e.transactionId(), e.chargerId());
                    tx.setRollbackOnly();
                }
            });
        } else if (e.authorized()) {
            transactions.executeWithoutResult(tx -> startChargerSession(e));
        }
    }

    /**
     * A session the charger began by itself (e.g. an RFID card) gets its row and its process too, in one
     * transaction: one commit instead of four, and no row without its process if the start fails.
     */
    private void startChargerSession(ChargerEvents.TransactionStarted e) {
        String description = "Started at the charger with id tag " + e.idTag();
        long id = sessions.createStarted(e.chargerId(), e.connectorId(), description, e.transactionId(), e.meterStartWh(), e.at());
        Map<String, Object> variables = started(e, null);
        variables.put(CHARGER_ID, e.chargerId());
        variables.put(CONNECTOR_ID, e.connectorId());
        variables.put(SESSION_ID, id);
        variables.put(ID_TAG, e.idTag());
        variables.put(DESCRIPTION, description);
        String processInstanceId = runtime.createMessageCorrelation("ChargerStartedSession")
                .processInstanceBusinessKey("session-" + id).setVariables(variables)
                .correlateStartMessage().getId();
        sessions.attach(id, processInstanceId, e.idTag());
    }

    /**
     * The task's figures start at nothing delivered yet, as a reading at the start would show them: so they
     * have every key a later reading can write, and {@link LiveFigures} only ever updates them (see there why
     * it must not insert them).
     */
    static Map<String, Object> started(ChargerEvents.TransactionStarted e, BigDecimal energyCapKwh) {
        Map<String, Object> variables = figures(e.meterStartWh(), e.at(), energyCapKwh, (double) e.meterStartWh(),
                0.0, e.at());
        variables.put(TRANSACTION_ID, e.transactionId());
        return variables;
    }

    @EventListener
    void on(ChargerEvents.MeterReadings e) {
        lanes.run(e.chargerId(), () -> meterReadings(e));
    }

    /**
     * Meter values come often: the session's fixed facts are read once per transaction, and the row is read
     * again (to see that it still charges) only when its energy target is reached. The task's figures go to
     * {@link LiveFigures}, which writes many sessions' at once.
     */
    private void meterReadings(ChargerEvents.MeterReadings e) {
        if (e.transactionId() == null) {
            return;
        }
        Charging known = inTransaction.facts(e.chargerId(), e.transactionId());
        Optional<ChargingSession> justRead = Optional.empty();
        if (known == null) {
            justRead = chargingSession(e.chargerId(), e.transactionId());
            if (justRead.isEmpty()) {
                return;
            }
            known = new Charging(justRead.get());
            inTransaction.remember(e.chargerId(), known.session.connectorId(), e.transactionId(), known);
        }
        latestReadings.record(known.session.id(), e.energyWh(), e.powerW(), e.at());
        boolean targetDue = !known.targetSignalled && e.energyWh() != null && targetReached(known.session, e.energyWh());
        if (targetDue) {
            Optional<ChargingSession> current = justRead.isPresent() ? justRead : chargingSession(e.chargerId(), e.transactionId());
            if (current.isEmpty()) {
                inTransaction.stopped(e.chargerId(), e.transactionId());
                return;
            }
            Map<String, Object> variables = figures(current.get(), e);
            variables.put(STOP_REASON, "Energy target reached");
            // Not waiting right now (e.g. the charger is away): try again with the next reading.
            known.targetSignalled = messages.deliver(current.get().processInstanceId(), "EnergyTargetReached", variables);
        } else if (known.refreshDue(clock.instant(), properties.monitorRefresh())) {
            // The figures need only the transaction's fixed facts; a process that has ended meanwhile is skipped.
            liveFigures.show(known.session.processInstanceId(), figures(known.session, e));
        }
    }

    /** Another charger's transaction id in meter values finds nothing: one charger cannot write into another's session. */
    private Optional<ChargingSession> chargingSession(String chargerId, int transactionId) {
        return sessions.byTransaction(transactionId)
                .filter(s -> s.state() == SessionState.CHARGING && s.chargerId().equals(chargerId));
    }

    private static boolean targetReached(ChargingSession s, double energyRegisterWh) {
        return s.energyCapKwh() != null && s.meterStartWh() != null
                && energyRegisterWh - s.meterStartWh() >= s.energyCapKwh().doubleValue() * 1000 * TARGET_SHARE;
    }

    static Map<String, Object> figures(ChargingSession s, ChargerEvents.MeterReadings e) {
        return figures(s.meterStartWh(), s.startedAt(), s.energyCapKwh(), e.energyWh(), e.powerW(), e.at());
    }

    /** A reading without the energy register keeps the energy and progress shown before. */
    private static Map<String, Object> figures(Integer meterStartWh, Instant startedAt, BigDecimal energyCapKwh,
                                               Double energyWh, Double powerW, Instant at) {
        Map<String, Object> variables = new HashMap<>();
        if (energyWh != null && meterStartWh != null) {
            double deliveredWh = Math.max(0, energyWh - meterStartWh);
            variables.put(LIVE_ENERGY_KWH, Math.round(deliveredWh) / 1000.0);
            Integer progress = ChargingSession.progressPercent(deliveredWh, energyCapKwh);
            if (progress != null) {
                variables.put(LIVE_PROGRESS_PERCENT, progress.longValue());
            }
        }
        if (powerW != null) {
            variables.put(LIVE_POWER_KW, Math.round(powerW / 100) / 10.0);
        }
        if (startedAt != null) {
            variables.put(LIVE_MINUTES, Duration.between(startedAt, at).toMinutes());
        }
        variables.put(LIVE_READING_AT, Date.from(at));
        return variables;
    }

    /** Stops stored but never told to their process (the application stopped in between) are told now. */
    @EventListener(ApplicationReadyEvent.class)
    void catchUpAfterStart() {
        sessions.stoppedWhileRunning().forEach(this::on);
    }

    @EventListener
    void on(ChargerEvents.TransactionStopped e) {
        lanes.run(e.chargerId(), () -> transactionStopped(e));
    }

    /** A session whose meter values came through this lane is known already: its row is not read again. */
    private void transactionStopped(ChargerEvents.TransactionStopped e) {
        Charging known = inTransaction.stopped(e.chargerId(), e.transactionId());
        (known != null ? Optional.of(known.session) : sessions.byTransaction(e.transactionId())).ifPresent(s -> {
            // One transaction, one commit: if telling the process fails, the lane tries both again; the stop
            // itself is stored already (charging_transaction), so a restart in between catches up too.
            transactions.executeWithoutResult(tx -> {
                sessions.transactionStopped(s.id(), e.meterStopWh(), e.at(), null);
                messages.deliver(s.processInstanceId(), "TransactionStopped", Map.of("chargerStopReason", e.reason()));
            });
        });
    }

    @EventListener
    void on(ChargerEvents.Disconnected e) {
        lanes.run(e.chargerId(), () -> disconnected(e));
    }

    private void disconnected(ChargerEvents.Disconnected e) {
        inTransaction.forget(e.chargerId());
        for (ChargingSession s : sessions.activeOn(e.chargerId())) {
            if (s.state() == SessionState.CHARGING) {
                messages.deliver(s.processInstanceId(), "ChargerOffline", Map.of());
            }
        }
    }

    @EventListener
    void on(ChargerEvents.Connected e) {
        lanes.run(e.chargerId(), () -> connected(e));
    }

    private void connected(ChargerEvents.Connected e) {
        for (ChargingSession s : sessions.activeOn(e.chargerId())) {
            if (s.state() == SessionState.CHARGING) {
                messages.deliver(s.processInstanceId(), "ChargerOnline", Map.of());
            }
        }
    }

    @EventListener
    void on(ChargerEvents.Booted e) {
        lanes.run(e.chargerId(), () -> booted(e));
    }

    private void booted(ChargerEvents.Booted e) {
        inTransaction.forget(e.chargerId());
        runtime.createMessageCorrelation("ChargerRebooted").processInstanceVariableEquals("chargerId", e.chargerId())
                .correlateAllWithResult();
    }

    /** A charging transaction as its lane knows it: one charger's events run one after another, never at once. */
    private static final class Charging {

        private final ChargingSession session;
        private Instant nextRefresh;
        private boolean targetSignalled;

        Charging(ChargingSession session) {
            this.session = session;
        }

        /**
         * The first reading refreshes the task at once. The second refresh comes after a random part of the
         * interval, and the rest a full interval apart: sessions that started together (a thousand chargers
         * back after an outage) then refresh spread over the interval, not all in the same second.
         */
        boolean refreshDue(Instant now, Duration every) {
            if (nextRefresh != null && now.isBefore(nextRefresh)) {
                return false;
            }
            Duration wait = nextRefresh == null
                    ? Duration.ofMillis(ThreadLocalRandom.current().nextLong(every.toMillis() / 4, every.toMillis() + 1))
                    : every;
            nextRefresh = now.plus(wait);
            return true;
        }
    }
}
