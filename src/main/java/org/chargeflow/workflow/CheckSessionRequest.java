package org.chargeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.chargeflow.workflow.SessionVariables.*;

/**
 * "Check the request": the start variables as the form or an integrator sent them. Anything invalid
 * is refused with a message naming the field, and (being the first step) nothing is started.
 */
@Component("checkSessionRequest")
class CheckSessionRequest implements JavaDelegate {

    private static final double MAX_KW_OR_KWH = 1000;

    @Override
    public void execute(DelegateExecution execution) {
        Object charger = execution.getVariable(CHARGER_ID);
        if (!(charger instanceof String id) || id.isBlank() || id.length() > 48) {
            throw new InvalidVariable(CHARGER_ID, "the charge point id (a text of at most 48 characters)", charger);
        }
        execution.setVariable(CONNECTOR_ID, connector(execution.getVariable(CONNECTOR_ID)));
        execution.setVariable(SESSION_POWER_KW, positive(SESSION_POWER_KW, "kW", execution.getVariable(SESSION_POWER_KW)));
        execution.setVariable(SESSION_ENERGY_KWH, positive(SESSION_ENERGY_KWH, "kWh", execution.getVariable(SESSION_ENERGY_KWH)));
        Object description = execution.getVariable(DESCRIPTION);
        if (description != null && (!(description instanceof String text) || text.length() > 500)) {
            throw new InvalidVariable(DESCRIPTION, "a text of at most 500 characters", description);
        }
        if (description instanceof String text && text.isBlank()) {
            execution.setVariable(DESCRIPTION, null);
        }
    }

    private static int connector(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 1
                && n.doubleValue() <= 100) {
            return n.intValue();
        }
        throw new InvalidVariable(CONNECTOR_ID, "a whole number from 1 (the connector of the charger)", value);
    }

    /** Blank is allowed; otherwise a plain number greater than zero. */
    private static Double positive(String field, String unit, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() > 0 && n.doubleValue() <= MAX_KW_OR_KWH
                && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new InvalidVariable(field, "a number of " + unit + " greater than 0 and at most " + (int) MAX_KW_OR_KWH
                + ", without the unit (e.g. 11), or left blank", value);
    }
}
