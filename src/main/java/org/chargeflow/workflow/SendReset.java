package org.chargeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.chargeflow.ocpp.ChargePointClient;
import org.chargeflow.ocpp.v16.Reset;
import org.chargeflow.ocpp.v16.ResetStatus;
import org.chargeflow.ocpp.v16.ResetType;
import org.springframework.stereotype.Component;

import java.util.Map;

/** "Send the reset": OCPP Reset after the step commits; a refusal comes back as ResetRejected, the reboot as ChargerRebooted. */
@Component("sendReset")
class SendReset implements JavaDelegate {

    private final ChargePointClient chargers;
    private final ProcessMessages messages;

    SendReset(ChargePointClient chargers, ProcessMessages messages) {
        this.chargers = chargers;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String chargerId = (String) execution.getVariable("chargerId");
        var request = new Reset.Request(ResetType.valueOf((String) execution.getVariable("resetType")));
        String processInstanceId = execution.getProcessInstanceId();
        messages.afterCommit(() -> chargers.call(chargerId, request).whenComplete((answer, failure) -> {
            String refusal = failure != null ? RequestRemoteStart.rootMessage(failure)
                    : answer.status() == ResetStatus.Rejected ? "Charger " + chargerId + " rejected the reset" : null;
            if (refusal != null) {
                messages.deliver(processInstanceId, "ResetRejected", Map.of("resetRefusal", refusal));
            }
        }));
    }
}
