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
 * Keeps two kinds of variables out of the history tables, which with history level "full" would
 * otherwise keep every value a variable ever had (ACT_HI_VARINST and ACT_HI_DETAIL):
 * <ul>
 *   <li>secrets: a process may hold a one-time secret (a charger's generated password, shown once to
 *   the operator who registered it) while it runs, never for good;</li>
 *   <li>live readings ({@link SessionVariables#LIVE_PREFIX live…}): the figures a running session
 *   shows in Tasklist, refreshed every few seconds. Every reading is kept in the session's own
 *   tables already; writing each refresh to the history cost more than all the rest of a session.</li>
 * </ul>
 */
@Component
class VariablesKeptOutOfHistory extends AbstractProcessEnginePlugin {

    static final String CHARGER_PASSWORD = "chargerPassword";
    private static final Set<String> SECRETS = Set.of(CHARGER_PASSWORD);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new Filtered(new DbHistoryEventHandler()));
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    static boolean keptOutOfHistory(String variableName) {
        return SECRETS.contains(variableName) || SessionVariables.isLiveReading(variableName);
    }

    private record Filtered(HistoryEventHandler database) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!(event instanceof HistoricVariableUpdateEventEntity variable && keptOutOfHistory(variable.getVariableName()))) {
                database.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
