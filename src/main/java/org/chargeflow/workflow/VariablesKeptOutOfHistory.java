package org.chargeflow.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
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
 * Every other variable is in the history, its changes recorded as "full" records them, but its first
 * value only once (see {@link ChangesOnly}).
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
        handlers.add(new Filtered(new ChangesOnly()));
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    static boolean keptOutOfHistory(String variableName) {
        return SECRETS.contains(variableName) || SessionVariables.isLiveReading(variableName);
    }

    /**
     * A variable's first value is in ACT_HI_VARINST already (with its time), so ACT_HI_DETAIL (a row with
     * 16 indexes, written per variable) records only changes: a session's variables, set once, then cost
     * no detail rows at all. The first change also records the value it replaces, so a changed variable's
     * history is complete. What this gives up: restarting an instance "with its initial set of variables"
     * (which reads the detail rows marked initial) finds none; the default restart, with the last set of
     * variables, is unaffected.
     */
    private static final class ChangesOnly extends DbHistoryEventHandler {

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return super.shouldWriteHistoricDetail(event) && !event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE);
        }

        @Override
        protected void insertHistoricVariableUpdateEntity(HistoricVariableUpdateEventEntity event) {
            if (event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE) && isFirstChange(event) && shouldWriteHistoricDetail(event)) {
                var before = getDbEntityManager().selectById(HistoricVariableInstanceEntity.class, event.getVariableInstanceId());
                // A value kept as a byte array is overwritten in place in ACT_HI_VARINST: it cannot be kept here.
                if (before != null && before.getByteArrayId() == null) {
                    getDbEntityManager().insert(firstValue(before));
                }
            }
            super.insertHistoricVariableUpdateEntity(event);
        }

        /** A variable's counter starts at 1 with its first value and counts up with each change. */
        private static boolean isFirstChange(HistoricVariableUpdateEventEntity event) {
            return event.getSequenceCounter() == 2;
        }

        private static HistoricVariableUpdateEventEntity firstValue(HistoricVariableInstanceEntity variable) {
            var detail = new HistoricVariableUpdateEventEntity();
            detail.setEventType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName());
            detail.setInitial(false);
            detail.setSequenceCounter(1);
            detail.setTimestamp(variable.getCreateTime());
            detail.setVariableInstanceId(variable.getId());
            detail.setVariableName(variable.getName());
            detail.setSerializerName(variable.getSerializerName());
            detail.setTextValue(variable.getTextValue());
            detail.setTextValue2(variable.getTextValue2());
            detail.setLongValue(variable.getLongValue());
            detail.setDoubleValue(variable.getDoubleValue());
            detail.setProcessDefinitionId(variable.getProcessDefinitionId());
            detail.setProcessDefinitionKey(variable.getProcessDefinitionKey());
            detail.setRootProcessInstanceId(variable.getRootProcessInstanceId());
            detail.setProcessInstanceId(variable.getProcessInstanceId());
            detail.setExecutionId(variable.getExecutionId());
            // ACT_HI_VARINST holds the variable's scope, not the activity that set the value: left empty.
            detail.setTaskId(variable.getTaskId());
            detail.setTenantId(variable.getTenantId());
            detail.setRemovalTime(variable.getRemovalTime());
            return detail;
        }
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
