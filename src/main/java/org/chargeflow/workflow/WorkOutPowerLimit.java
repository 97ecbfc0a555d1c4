package org.chargeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.chargeflow.workflow.SessionVariables.*;

/**
 * "Work out the power limit": the session power cap becomes the limit of the charging profile sent
 * with the remote start (in W); the energy cap is kept by the backend. Sets the texts the Charging form shows.
 */
@Component("workOutPowerLimit")
class WorkOutPowerLimit implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Double powerKw = (Double) execution.getVariable(SESSION_POWER_KW);
        Double energyKwh = (Double) execution.getVariable(SESSION_ENERGY_KWH);
        execution.setVariable(POWER_LIMIT_W, powerKw == null ? null : powerKw * 1000);
        execution.setVariable("powerLimitText", powerKw == null ? "none" : powerKw + " kW");
        execution.setVariable("energyTargetText", energyKwh == null ? "none" : energyKwh + " kWh");
    }
}
