package org.chargeflow.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps secrets out of the history tables: a process may hold a one-time secret (a charger's generated
 * password, shown once to the operator who registered it) while it runs, but with history level "full"
 * every variable value would otherwise be kept for good in ACT_HI_VARINST and ACT_HI_DETAIL.
 */
@Component
class SecretVariables extends AbstractProcessEnginePlugin {

    static final String CHARGER_PASSWORD = "chargerPassword";
    private static final Set<String> SECRETS = Set.of(CHARGER_PASSWORD);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new WithoutSecrets(new DbHistoryEventHandler()));
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    private record WithoutSecrets(HistoryEventHandler database) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!(event instanceof HistoricVariableUpdateEventEntity variable && SECRETS.contains(variable.getVariableName()))) {
                database.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
