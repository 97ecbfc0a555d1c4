package org.chargeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record: ...": how the reset ended, as the variable {@code resetOutcome} in the history. */
@Component("recordResetOutcome")
class RecordResetOutcome implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("resetOutcome", execution.getVariableLocal("outcome"));
    }
}
