package org.chargeflow.workflow;

import org.chargeflow.platform.web.ApiException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import java.util.Optional;

/**
 * A start variable that is missing or has the wrong type or value. Camunda treats it as a form field
 * error: Tasklist shows the message on the form, the REST APIs answer 400, and nothing is started.
 */
class InvalidVariable extends FormFieldValidationException {

    private final String variable;
    private final String problem;

    InvalidVariable(String variable, String expected, Object got) {
        this(variable, "must be " + expected + (got == null ? " (it is missing)" : " (got '" + got + "')"));
    }

    /** The API's refusal of a field ("field: problem"), told about the variable that carried it. */
    InvalidVariable(String variable, ApiException refused) {
        this(variable, refused.field() == null ? refused.getMessage()
                : refused.getMessage().substring(refused.field().length() + 2));
    }

    private InvalidVariable(String variable, String problem) {
        super(variable, variable + ": " + problem);
        this.variable = variable;
        this.problem = problem;
    }

    String variable() {
        return variable;
    }

    /** The message without the variable's name. */
    String problem() {
        return problem;
    }

    /** The engine may wrap what a delegate throws: look along the causes. */
    static Optional<InvalidVariable> causeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidVariable invalid) {
                return Optional.of(invalid);
            }
        }
        return Optional.empty();
    }
}
