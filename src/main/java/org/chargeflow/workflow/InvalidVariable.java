package org.chargeflow.workflow;

import org.chargeflow.platform.web.ApiException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A start variable that is missing or has the wrong type or value. Camunda treats it as a form field
 * error: Tasklist shows the message on the form, the REST API answers 400, and nothing is started.
 */
class InvalidVariable extends FormFieldValidationException {

    InvalidVariable(String variable, String expected, Object got) {
        super(variable, variable + ": must be " + expected + (got == null ? " (it is missing)" : " (got '" + got + "')"));
    }

    /** The API's refusal of a field, told about the variable that carried it. */
    InvalidVariable(String variable, ApiException refused) {
        super(variable, refused.field() == null ? variable + ": " + refused.getMessage()
                : variable + refused.getMessage().substring(refused.field().length()));
    }
}
