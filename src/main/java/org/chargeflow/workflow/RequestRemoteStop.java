package org.chargeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.chargeflow.ocpp.ChargePointClient;
import org.chargeflow.ocpp.v16.RemoteStopTransaction;
import org.chargeflow.session.ChargingSession;
import org.chargeflow.session.SessionRepository;
import org.chargeflow.session.SessionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;

import static org.chargeflow.workflow.SessionVariables.*;

/**
 * "Ask the charger to stop": RemoteStopTransaction, sent after the step commits, unless the charger
 * has already reported the stop ({@code chargerStopped}). The confirmation arrives as TransactionStopped.
 */
@Component("requestRemoteStop")
class RequestRemoteStop implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RequestRemoteStop.class);

    private final ChargePointClient chargers;
    private final SessionRepository sessions;
    private final ProcessMessages messages;

    RequestRemoteStop(ChargePointClient chargers, SessionRepository sessions, ProcessMessages messages) {
        this.chargers = chargers;
        this.sessions = sessions;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = (Long) execution.getVariable(SESSION_ID);
        ChargingSession session = sessions.find(id).orElseThrow(() -> new SessionNotFound(id));
        if (execution.getVariable(STOP_REASON) == null) {
            execution.setVariable(STOP_REASON, "Stopped by the operator");
        }
        boolean alreadyStopped = session.stoppedAt() != null;
        execution.setVariable("chargerStopped", alreadyStopped);
        if (alreadyStopped) {
            return;
        }
        sessions.setState(session.id(), SessionState.STOPPING);
        String chargerId = session.chargerId();
        var request = new RemoteStopTransaction.Request(session.transactionId());
        String processInstanceId = execution.getProcessInstanceId();
        messages.afterCommit(() -> chargers.call(chargerId, request).whenComplete((answer, failure) -> {
            String refusal = RequestRemoteStart.refusal(chargerId, "stop", answer == null ? null : answer.status(), failure);
            if (refusal != null) {
                log.warn("Stopping session {} on {}: {}", session.id(), chargerId, refusal);
                messages.deliver(processInstanceId, "StopRefused", Map.of("stopRefusal", refusal));
            }
        }));
    }
}
