package org.chargeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.chargeflow.session.ChargingSession;
import org.chargeflow.session.SessionRepository;
import org.chargeflow.session.SessionState;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;

import static org.chargeflow.workflow.SessionVariables.*;

/** "Record the session": its row in charging_session, linked to this process instance. */
@Component("recordSession")
class RecordSession implements JavaDelegate {

    private final SessionRepository sessions;
    private final Clock clock;

    RecordSession(SessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = sessions.create((String) execution.getVariable(CHARGER_ID), (Integer) execution.getVariable(CONNECTOR_ID),
                ChargingSession.BY_OPERATOR, (String) execution.getVariable(DESCRIPTION),
                decimal(execution.getVariable(SESSION_POWER_KW)), decimal(execution.getVariable(SESSION_ENERGY_KWH)),
                SessionState.REQUESTED, clock.instant());
        // A tag of its own lets the charger authorize the remote start and ties the transaction to this session.
        String idTag = "CF" + Long.toString(id, 36).toUpperCase();
        sessions.attach(id, execution.getProcessInstanceId(), idTag);
        execution.setVariable(SESSION_ID, id);
        execution.setVariable(ID_TAG, idTag);
        execution.setProcessBusinessKey("session-" + id);
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : BigDecimal.valueOf((Double) value);
    }
}
