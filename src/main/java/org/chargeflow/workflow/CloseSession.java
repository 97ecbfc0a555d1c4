package org.chargeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.chargeflow.session.SessionRepository;
import org.chargeflow.session.SessionState;
import org.springframework.stereotype.Component;

import static org.chargeflow.workflow.SessionVariables.SESSION_ID;

/** The "Close: ..." steps: a session that ends without charging, with the outcome and reason the diagram gives. */
@Component("closeSession")
class CloseSession implements JavaDelegate {

    private final SessionRepository sessions;

    CloseSession(SessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = (String) execution.getVariableLocal("reason");
        sessions.finish((Long) execution.getVariable(SESSION_ID),
                SessionState.valueOf((String) execution.getVariableLocal("outcome")), reason);
        execution.setVariable("outcome", reason);
    }
}
