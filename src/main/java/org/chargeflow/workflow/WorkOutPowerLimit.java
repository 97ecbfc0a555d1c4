package org.chargeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.chargeflow.charger.ChargerRepository;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Optional;

import static org.chargeflow.workflow.SessionVariables.*;

/**
 * "Work out the power limit": the lowest of the session power cap, the charger's and the connector's own
 * limits becomes the limit of the charging profile sent with the remote start (in W); the energy cap is
 * kept by the backend. Sets the texts the Charging form shows.
 */
@Component("workOutPowerLimit")
class WorkOutPowerLimit implements JavaDelegate {

    private final ChargerRepository chargers;

    WorkOutPowerLimit(ChargerRepository chargers) {
        this.chargers = chargers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Double sessionKw = (Double) execution.getVariable(SESSION_POWER_KW);
        Double energyKwh = (Double) execution.getVariable(SESSION_ENERGY_KWH);
        Optional<Double> equipmentKw = chargers.find((String) execution.getVariable(CHARGER_ID))
                .flatMap(c -> c.powerLimitKw((Integer) execution.getVariable(CONNECTOR_ID)))
                .map(BigDecimal::doubleValue);
        Double limitKw = equipmentKw.filter(kw -> sessionKw == null || kw < sessionKw).orElse(sessionKw);
        // Only what there is: no limit or no target is no variable (the Charging form shows "none").
        if (limitKw != null) {
            execution.setVariable(POWER_LIMIT_W, limitKw * 1000);
            execution.setVariable("powerLimitText", limitKw + " kW" + (limitKw.equals(sessionKw) ? "" : " (the charger's limit)"));
        }
        if (energyKwh != null) {
            execution.setVariable("energyTargetText", energyKwh + " kWh");
        }
    }
}
