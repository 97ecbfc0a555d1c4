package org.chargeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.chargeflow.session.ChargerReadiness;
import org.chargeflow.session.SessionProperties;
import org.chargeflow.session.SessionRepository;
import org.chargeflow.session.SessionState;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Date;

import static org.chargeflow.workflow.SessionVariables.*;

/** "Check the charger": connected, in order, free, and is the vehicle plugged in? Sets {@code readiness}. */
@Component("checkCharger")
class CheckCharger implements JavaDelegate {

    private final ChargerReadiness readiness;
    private final SessionRepository sessions;
    private final SessionProperties properties;
    private final Clock clock;

    CheckCharger(ChargerReadiness readiness, SessionRepository sessions, SessionProperties properties, Clock clock) {
        this.readiness = readiness;
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long sessionId = (Long) execution.getVariable(SESSION_ID);
        ChargerReadiness.Verdict verdict = readiness.forNewSession((String) execution.getVariable(CHARGER_ID),
                (Integer) execution.getVariable(CONNECTOR_ID), sessionId);
        execution.setVariable("readiness", verdict.kind().name());
        execution.setVariable("refusalReason", verdict.reason());
        if (verdict.kind() == ChargerReadiness.Kind.NOT_PLUGGED_IN) {
            sessions.setState(sessionId, SessionState.WAITING_FOR_VEHICLE);
            execution.setVariable("plugInDeadline", Date.from(clock.instant().plus(properties.plugInTimeout())));
        }
    }
}
