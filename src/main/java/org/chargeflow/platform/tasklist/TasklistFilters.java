package org.chargeflow.platform.tasklist;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.chargeflow.platform.security.Grants;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.chargeflow.platform.security.Roles.ADMINS;
import static org.chargeflow.platform.security.Roles.OPERATORS;

/**
 * The shared Tasklist filters, created at startup if missing (Tasklist lists no task at all until a
 * filter exists) and shared with groups by a READ authorization each. A filter is found by its name
 * among the filters nobody owns, so a user's own filter of the same name changes nothing, and one an
 * administrator edited in Tasklist is left as it is.
 */
@Component
public class TasklistFilters {

    private static final String SESSION_PROCESS = "charging-session";

    private final FilterService filterService;
    private final TaskService taskService;
    private final Grants grants;

    public TasklistFilters(FilterService filterService, TaskService taskService, Grants grants) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.grants = grants;
    }

    /** One shared filter: Tasklist orders filters by priority and shows the variables on every task card. */
    record SharedFilter(String name, int priority, String description, TaskQuery query, List<CardVariable> variables,
                        List<String> sharedWith) {
    }

    /** A process variable shown on the task cards, with its label. */
    record CardVariable(String name, String label) {
    }

    List<SharedFilter> filters() {
        var charger = new CardVariable("chargerId", "Charger");
        var connector = new CardVariable("connectorId", "Connector");
        // Charging sessions come first: Tasklist opens the first filter, and what is charging right now
        // is what an operator looks for.
        return List.of(
                new SharedFilter("Charging sessions", 10, "Vehicles charging now: open one to follow it or to stop charging",
                        taskService.createTaskQuery().processDefinitionKey(SESSION_PROCESS).taskDefinitionKey("Charging")
                                .orderByTaskCreateTime().desc(),
                        List.of(charger, connector, new CardVariable("liveEnergyKwh", "Energy (kWh)"),
                                new CardVariable("livePowerKw", "Power (kW)"), new CardVariable("energyTargetText", "Target")),
                        List.of(OPERATORS, ADMINS)),
                new SharedFilter("Waiting for a vehicle", 20,
                        "Sessions waiting for the vehicle to be plugged in; each gives up at its due date",
                        taskService.createTaskQuery().processDefinitionKey(SESSION_PROCESS).taskDefinitionKey("ConnectVehicle")
                                .orderByDueDate().asc(),
                        List.of(charger, connector, new CardVariable("description", "Description")),
                        List.of(OPERATORS, ADMINS)),
                new SharedFilter("My tasks", 30, "Tasks you claimed",
                        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(),
                        List.of(charger, connector), List.of(OPERATORS, ADMINS)),
                new SharedFilter("Open group tasks", 35,
                        "Unclaimed tasks of your groups, including those that need a hand on site (Stop charging at the charger)",
                        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned()
                                .orderByTaskCreateTime().desc(),
                        List.of(charger, connector), List.of(OPERATORS, ADMINS)),
                new SharedFilter("All open tasks", 40, "Every open task of every process",
                        taskService.createTaskQuery().orderByTaskCreateTime().desc(),
                        List.of(charger, connector), List.of(ADMINS)));
    }

    /** Creates the shared filters, or brings existing ones up to this release's query and card variables. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void ensureFilters() {
        for (SharedFilter shared : filters()) {
            Filter filter = existing(shared.name()).orElseGet(() -> filterService.newTaskFilter(shared.name()));
            String filterId = filterService.saveFilter(filter.setQuery(shared.query()).setProperties(properties(shared))).getId();
            for (String group : shared.sharedWith()) {
                grants.grant(group, FILTER, filterId, READ);
            }
        }
    }

    private Optional<Filter> existing(String name) {
        return filterService.createFilterQuery().filterResourceType("Task").filterName(name).list().stream()
                .filter(filter -> filter.getOwner() == null).findFirst();
    }

    private static Map<String, Object> properties(SharedFilter shared) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", shared.priority());
        properties.put("description", shared.description());
        // Tasklist re-reads the list by itself, so energy figures and new sessions show up without a click.
        properties.put("refresh", true);
        properties.put("variables", shared.variables().stream()
                .map(v -> Map.of("name", v.name(), "label", v.label())).toList());
        return properties;
    }
}
