package org.chargeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.chargeflow.session.ChargingSession;
import org.chargeflow.session.SessionRepository;
import org.chargeflow.session.SessionState;
import org.chargeflow.transaction.TransactionRepository;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * "Clear the charging state": sessions still open on the charger (e.g. waiting for a vehicle) are closed
 * with reason "reset", through their own process where it waits for that, and transactions the charger
 * never stopped are closed.
 */
@Component("clearChargingState")
class ClearChargingState implements JavaDelegate {

    static final String REASON = "reset";

    private final SessionRepository sessions;
    private final TransactionRepository transactions;
    private final ProcessMessages messages;

    ClearChargingState(SessionRepository sessions, TransactionRepository transactions, ProcessMessages messages) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String chargerId = (String) execution.getVariable("chargerId");
        int closed = 0;
        for (ChargingSession stale : sessions.activeOn(chargerId)) {
            boolean viaProcess = stale.processInstanceId() != null
                    && messages.deliver(stale.processInstanceId(), "ChargerReset", Map.of());
            if (!viaProcess) {
                sessions.finish(stale.id(), SessionState.FAILED, REASON);
            }
            closed++;
        }
        execution.setVariable("closedSessions", closed);
        execution.setVariable("closedTransactions", transactions.closeOpen(chargerId, REASON));
    }
}
