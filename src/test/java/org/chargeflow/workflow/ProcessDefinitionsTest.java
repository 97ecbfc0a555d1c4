package org.chargeflow.workflow;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.chargeflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargeflow.platform.security.Roles.OPERATORS;

/**
 * What Cockpit and Tasklist show of every deployed process: a name, documentation, and tasks operators can
 * work: any operator, or only the one who started the process (a task that shows a secret).
 */
@IntegrationTest
class ProcessDefinitionsTest {

    @Autowired
    RepositoryService repository;

    @Test
    void everyProcessHasANameAndDocumentationAndItsUserTasksBelongToOperatorsOrTheStarter() {
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().latestVersion().list();
        assertThat(definitions).extracting(ProcessDefinition::getKey).contains("charging-session", "charger-reset");
        for (ProcessDefinition definition : definitions) {
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            Process process = model.getModelElementById(definition.getKey());
            assertThat(definition.getName()).as(definition.getKey() + " name").isNotBlank();
            assertThat(process.getDocumentations()).as(definition.getKey() + " documentation")
                    .extracting(Documentation::getTextContent).anySatisfy(text -> assertThat(text).isNotBlank());
            List<String> starters = model.getModelElementsByType(StartEvent.class).stream()
                    .map(StartEvent::getCamundaInitiator).filter(Objects::nonNull).map(name -> "${" + name + "}").toList();
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(task.getCamundaCandidateGroupsList().contains(OPERATORS) || starters.contains(task.getCamundaAssignee()))
                        .as(task.getId() + ": candidate group operators, or assigned to the process's starter").isTrue();
                assertThat(task.getDocumentations()).as(task.getId() + " documentation").isNotEmpty();
            }
        }
    }
}
