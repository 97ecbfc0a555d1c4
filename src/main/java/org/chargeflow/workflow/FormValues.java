package org.chargeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import java.math.BigDecimal;

/** Reads start variables that a form or an integrator sent, refusing the wrong types by variable name. */
final class FormValues {

    private FormValues() {
    }

    /** A text, or null when missing or blank. */
    static String text(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof String s) {
            return s.strip();
        }
        throw new InvalidVariable(variable, "a text", value);
    }

    /** A number, or null when missing or blank; the range is for the domain to check. */
    static BigDecimal number(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return new BigDecimal(n.toString());
        }
        throw new InvalidVariable(variable, "a plain number, without the unit", value);
    }
}
