package org.chargeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.chargeflow.session.ChargerReadiness;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/** "Check the charger can be reset": connected, no vehicle plugged in, no session running. Sets {@code resetAllowed}. */
@Component("checkResetAllowed")
class CheckResetAllowed implements JavaDelegate {

    private final ChargerReadiness readiness;

    CheckResetAllowed(ChargerReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object chargerId = execution.getVariable("chargerId");
        Object type = execution.getVariable("resetType");
        if (!(chargerId instanceof String id) || id.isBlank()) {
            throw new InvalidVariable("chargerId", "the charge point id", chargerId);
        }
        if (!(type instanceof String name) || !Set.of("Soft", "Hard").contains(name)) { // Set.of rejects null
            throw new InvalidVariable("resetType", "Soft or Hard", type);
        }
        Optional<String> refusal = readiness.whyNotReset(id);
        execution.setVariable("resetAllowed", refusal.isEmpty());
        execution.setVariable("refusalReason", refusal.orElse(null));
    }
}
