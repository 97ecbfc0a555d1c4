package org.chargeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.chargeflow.idtag.IdTagRepository;
import org.chargeflow.ocpp.ChargePointClient;
import org.chargeflow.ocpp.v16.ChargingProfile;
import org.chargeflow.ocpp.v16.ChargingProfileKindType;
import org.chargeflow.ocpp.v16.ChargingProfilePurposeType;
import org.chargeflow.ocpp.v16.ChargingRateUnitType;
import org.chargeflow.ocpp.v16.ChargingSchedule;
import org.chargeflow.ocpp.v16.ChargingSchedulePeriod;
import org.chargeflow.ocpp.v16.RemoteStartStopStatus;
import org.chargeflow.ocpp.v16.RemoteStartTransaction;
import org.chargeflow.session.SessionRepository;
import org.chargeflow.session.SessionState;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.chargeflow.workflow.SessionVariables.*;

/**
 * "Ask the charger to start": RemoteStartTransaction, with the power limit as a TxProfile. Sent after
 * the step commits; a refusal or a failed call comes back as the message StartRefused, the start itself
 * as TransactionStarted (see {@link ChargerEventsToProcesses}).
 */
@Component("requestRemoteStart")
class RequestRemoteStart implements JavaDelegate {

    private final ChargePointClient chargers;
    private final IdTagRepository idTags;
    private final SessionRepository sessions;
    private final ProcessMessages messages;
    private final Clock clock;

    RequestRemoteStart(ChargePointClient chargers, IdTagRepository idTags, SessionRepository sessions,
                       ProcessMessages messages, Clock clock) {
        this.chargers = chargers;
        this.idTags = idTags;
        this.sessions = sessions;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long sessionId = (Long) execution.getVariable(SESSION_ID);
        String chargerId = (String) execution.getVariable(CHARGER_ID);
        int connectorId = (Integer) execution.getVariable(CONNECTOR_ID);
        String idTag = (String) execution.getVariable(ID_TAG);
        Double limitW = (Double) execution.getVariable(POWER_LIMIT_W);
        idTags.save(idTag, "Accepted", clock.instant().plus(Duration.ofDays(2)), null);
        sessions.setState(sessionId, SessionState.STARTING);
        var request = new RemoteStartTransaction.Request(connectorId, idTag, limitW == null ? null : txProfile(sessionId, limitW));
        String processInstanceId = execution.getProcessInstanceId();
        messages.afterCommit(() -> chargers.call(chargerId, request).whenComplete((answer, failure) -> {
            String refusal = refusal(chargerId, "start", answer == null ? null : answer.status(), failure);
            if (refusal != null) {
                messages.deliver(processInstanceId, "StartRefused", Map.of("startRefusal", refusal));
            }
        }));
    }

    private static ChargingProfile txProfile(long sessionId, double limitW) {
        var schedule = new ChargingSchedule(null, null, ChargingRateUnitType.W,
                List.of(new ChargingSchedulePeriod(0, limitW, null)), null);
        return new ChargingProfile((int) (sessionId % Integer.MAX_VALUE), null, 0, ChargingProfilePurposeType.TxProfile,
                ChargingProfileKindType.Relative, null, null, null, schedule);
    }

    /** Why the charger did not do what it was asked ("start" or "stop"), or null when it accepted. */
    static String refusal(String chargerId, String what, RemoteStartStopStatus status, Throwable failure) {
        if (failure != null) {
            return rootMessage(failure);
        }
        return status == RemoteStartStopStatus.Rejected ? "Charger " + chargerId + " rejected the remote " + what : null;
    }

    static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
