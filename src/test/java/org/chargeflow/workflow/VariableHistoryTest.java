package org.chargeflow.workflow;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.chargeflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the history keeps of a process's variables (each value once, every change, no live readings), and the
 * times of scopes that end in a later transaction than they began.
 */
@IntegrationTest
class VariableHistoryTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Test
    void aVariableSetOnceIsInTheHistoryWithoutADetailRow() {
        ProcessInstance process = waitingProcess();
        runtime.setVariable(process.getId(), "note", "only");

        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .variableName("note").singleResult().getValue()).isEqualTo("only");
        assertThat(valuesInDetail(process, "note")).isEmpty();
    }

    @Test
    void aChangedVariableKeepsItsFirstValueAndEveryChangeInOrder() {
        ProcessInstance process = waitingProcess();
        runtime.setVariable(process.getId(), "note", "first");
        runtime.setVariable(process.getId(), "note", "second");
        runtime.setVariable(process.getId(), "note", "third");

        assertThat(valuesInDetail(process, "note")).containsExactly("first", "second", "third");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .variableName("note").singleResult().getValue()).isEqualTo("third");
    }

    @Test
    void aVariableChangedTwiceInOneCommandRecordsItsFirstValueOnce() {
        ProcessInstance process = waitingProcess();
        runtime.setVariable(process.getId(), "note", "first");
        // Service calls made inside a command join it: both changes are flushed together.
        engine.getCommandExecutorTxRequired().execute(command -> {
            runtime.setVariable(process.getId(), "note", "second");
            runtime.setVariables(process.getId(), Map.of("note", "third", "other", 1));
            return null;
        });

        assertThat(valuesInDetail(process, "note")).containsExactly("first", "second", "third");
    }

    @Test
    void liveReadingsStayOutOfTheHistory() {
        ProcessInstance process = waitingProcess();
        runtime.setVariable(process.getId(), SessionVariables.LIVE_ENERGY_KWH, 1.5);
        runtime.setVariable(process.getId(), SessionVariables.LIVE_ENERGY_KWH, 2.5);

        assertThat(runtime.getVariable(process.getId(), SessionVariables.LIVE_ENERGY_KWH)).isEqualTo(2.5);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .variableName(SessionVariables.LIVE_ENERGY_KWH).count()).isZero();
        assertThat(valuesInDetail(process, SessionVariables.LIVE_ENERGY_KWH)).isEmpty();
    }

    @Test
    void scopesEndingLaterKeepTheirStartTimesAndGetTheirDurations() {
        ProcessInstance process = waitingProcess();
        Date processStart = history.createHistoricProcessInstanceQuery().processInstanceId(process.getId())
                .singleResult().getStartTime();
        HistoricActivityInstance waiting = history.createHistoricActivityInstanceQuery()
                .processInstanceId(process.getId()).unfinished().activityType("userTask").singleResult();
        Date taskStart = history.createHistoricTaskInstanceQuery().processInstanceId(process.getId())
                .singleResult().getStartTime();

        runtime.deleteProcessInstance(process.getId(), "test over");

        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(process.getId()).singleResult();
        assertThat(ended.getStartTime()).isEqualTo(processStart);
        assertDurationSpans(ended.getDurationInMillis(), processStart, ended.getEndTime());
        HistoricActivityInstance activity = history.createHistoricActivityInstanceQuery()
                .activityInstanceId(waiting.getId()).singleResult();
        assertThat(activity.getStartTime()).isEqualTo(waiting.getStartTime());
        assertDurationSpans(activity.getDurationInMillis(), waiting.getStartTime(), activity.getEndTime());
        HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().processInstanceId(process.getId()).singleResult();
        assertThat(task.getStartTime()).isEqualTo(taskStart);
        assertDurationSpans(task.getDurationInMillis(), taskStart, task.getEndTime());
    }

    /** The history's times are stored to the second (DATETIME), its durations to the millisecond. */
    private static void assertDurationSpans(Long durationMillis, Date start, Date end) {
        assertThat(durationMillis).isNotNull().isNotNegative();
        assertThat(Math.abs(durationMillis - (end.getTime() - start.getTime()))).isLessThan(1_000);
    }

    /** "Register a charger" waits at its first user task: a process that stays put while the test changes it. */
    private ProcessInstance waitingProcess() {
        return runtime.startProcessInstanceByKey("register-charger",
                Map.of("chargerId", "VH-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    private List<Object> valuesInDetail(ProcessInstance process, String variable) {
        return history.createHistoricDetailQuery().processInstanceId(process.getId()).variableUpdates()
                .orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricVariableUpdate.class::cast)
                .filter(update -> update.getVariableName().equals(variable))
                .map(HistoricVariableUpdate::getValue)
                .toList();
    }
}
