package org.chargeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.chargeflow.session.ChargingSession;
import org.chargeflow.session.SessionRepository;
import org.chargeflow.session.SessionState;
import org.springframework.stereotype.Component;

import static org.chargeflow.workflow.SessionVariables.*;

/** "Record the outcome": final energy and why the session ended, on the session row and in the history. */
@Component("recordOutcome")
class RecordOutcome implements JavaDelegate {

    private final SessionRepository sessions;

    RecordOutcome(SessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = (Long) execution.getVariable(SESSION_ID);
        ChargingSession session = sessions.find(id).orElseThrow(() -> new SessionNotFound(id));
        Object operatorReason = execution.getVariable(STOP_REASON);
        Object chargerReason = execution.getVariable("chargerStopReason");
        String reason = operatorReason != null ? operatorReason.toString()
                : chargerReason != null ? "Stopped by the charger (" + chargerReason + ")"
                : "Stopped";
        if (session.stoppedAt() == null) {
            reason += "; the charger did not confirm the stop";
        }
        sessions.finish(id, SessionState.FINISHED, reason);
        execution.setVariable(ENERGY_DELIVERED_KWH, Math.round(session.deliveredWh()) / 1000.0);
        execution.setVariable("outcome", reason);
    }
}
