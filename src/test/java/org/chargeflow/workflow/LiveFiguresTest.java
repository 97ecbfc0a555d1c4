package org.chargeflow.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.chargeflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Many sessions' live figures in few engine transactions, with Camunda and MariaDB. */
@IntegrationTest
class LiveFiguresTest {

    @Autowired
    LiveFigures liveFigures;
    @Autowired
    RuntimeService runtime;

    @Test
    void figuresOfMoreProcessesThanOneTransactionTakesAreAllWrittenAndTheNewestWin() {
        List<ProcessInstance> processes = new ArrayList<>();
        for (int i = 0; i < LiveFigures.PROCESSES_PER_TRANSACTION + 5; i++) {
            processes.add(waitingProcess());
        }
        processes.forEach(p -> liveFigures.show(p.getId(), Map.of(SessionVariables.LIVE_ENERGY_KWH, 1.0,
                SessionVariables.LIVE_POWER_KW, 7.2)));
        processes.forEach(p -> liveFigures.show(p.getId(), Map.of(SessionVariables.LIVE_ENERGY_KWH, 2.5)));

        liveFigures.write();

        for (ProcessInstance p : processes) {
            assertThat(runtime.getVariables(p.getId()))
                    .as("the newest energy, and the power the newer figures did not give")
                    .containsEntry(SessionVariables.LIVE_ENERGY_KWH, 2.5)
                    .containsEntry(SessionVariables.LIVE_POWER_KW, 7.2);
        }
    }

    @Test
    void aProcessThatEndedIsSkippedAndTheOthersGetTheirFigures() {
        ProcessInstance ended = waitingProcess();
        ProcessInstance running = waitingProcess();
        liveFigures.show(ended.getId(), Map.of(SessionVariables.LIVE_ENERGY_KWH, 1.0));
        liveFigures.show(running.getId(), Map.of(SessionVariables.LIVE_ENERGY_KWH, 3.0));
        runtime.deleteProcessInstance(ended.getId(), "test");

        liveFigures.write();

        assertThat(runtime.getVariable(running.getId(), SessionVariables.LIVE_ENERGY_KWH)).isEqualTo(3.0);
    }

    @Test
    void figuresOneProcessCannotTakeDoNotCostTheOthersTheirs() {
        ProcessInstance refusing = waitingProcess();
        ProcessInstance running = waitingProcess();
        // No serializer takes a bare Object (no Java serialization, nothing for JSON): it fails its whole transaction.
        liveFigures.show(refusing.getId(), Map.of(SessionVariables.LIVE_ENERGY_KWH, new Object()));
        liveFigures.show(running.getId(), Map.of(SessionVariables.LIVE_ENERGY_KWH, 3.0));

        liveFigures.write();

        assertThat(runtime.getVariable(running.getId(), SessionVariables.LIVE_ENERGY_KWH)).isEqualTo(3.0);
        assertThat(runtime.getVariable(refusing.getId(), SessionVariables.LIVE_ENERGY_KWH)).isNull();
    }

    private ProcessInstance waitingProcess() {
        return runtime.startProcessInstanceByKey("register-charger",
                Map.of("chargerId", "LF-" + UUID.randomUUID().toString().substring(0, 8)));
    }
}
