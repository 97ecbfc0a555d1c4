package org.chargeflow.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Map;

/**
 * Delivers BPMN messages to process instances, and runs charger calls only once the engine's
 * transaction has committed (so no database transaction waits on a charger, and no call is sent
 * for a step that was rolled back).
 */
@Component
public class ProcessMessages {

    private static final Logger log = LoggerFactory.getLogger(ProcessMessages.class);

    private final RuntimeService runtime;

    public ProcessMessages(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /**
     * True if the instance was waiting for the message; false (and nothing changed) if it was not.
     * Correlates to all waiting executions of the instance (there is at most one per message name) so that
     * "not waiting" is an empty result, not an exception: an exception inside the engine's command would
     * mark a caller's surrounding transaction rollback-only, undoing what the caller stored with it.
     */
    public boolean deliver(String processInstanceId, String message, Map<String, Object> variables) {
        var correlation = (MessageCorrelationBuilderImpl) runtime.createMessageCorrelation(message)
                .processInstanceId(processInstanceId).setVariables(variables);
        boolean delivered = !correlation.executionsOnly().correlateAllWithResult().isEmpty();
        if (!delivered) {
            log.debug("Process {} is not waiting for {}", processInstanceId, message);
        }
        return delivered;
    }

    public void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
