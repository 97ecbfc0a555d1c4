package org.chargeflow.workflow;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.chargeflow.charger.ChargerRepository;
import org.chargeflow.platform.web.ApiException;
import org.chargeflow.session.ChargerReadiness;
import org.chargeflow.session.ChargingSession;
import org.chargeflow.session.SessionRepository;
import org.chargeflow.session.SessionState;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.HashMap;
import java.util.Map;

import static org.chargeflow.workflow.SessionVariables.*;

/**
 * Start, stop and reset for the dashboard and integrators. Each only starts a process or completes a user
 * task, exactly as Tasklist does, so the processes' checks, history and authorizations apply unchanged:
 * a variable the process refuses is a 400 naming it, a refusal of the process (charger not ready, reset not
 * allowed) a 409 with its reason, and what the user's Camunda authorizations forbid a 403.
 */
@RestController
@RequestMapping("/api")
class ProcessActionsController {

    /** The user task that ends a session in each state an operator can stop it in. */
    private static final Map<SessionState, String> STOP_TASK = Map.of(
            SessionState.CHARGING, "Charging",
            SessionState.WAITING_FOR_VEHICLE, "ConnectVehicle");

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final SessionRepository sessions;
    private final ChargerRepository chargers;
    private final ChargerReadiness readiness;

    ProcessActionsController(RuntimeService runtime, TaskService tasks, SessionRepository sessions,
                             ChargerRepository chargers, ChargerReadiness readiness) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.sessions = sessions;
        this.chargers = chargers;
        this.readiness = readiness;
    }

    /** The start variables of charging-session; values are passed on as sent so the process judges them. */
    record StartSession(Object chargerId, Object connectorId, Object description, Object sessionPowerKw,
                        Object sessionEnergyKwh) {
    }

    record SessionRequested(long sessionId, String processInstanceId, SessionState state, String message) {
    }

    record SessionStopping(long sessionId, String message) {
    }

    record ResetCharger(Object resetType) {
    }

    record ResetRequested(String chargerId, String processInstanceId, String message) {
    }

    @PostMapping("/sessions")
    ResponseEntity<SessionRequested> start(@RequestBody StartSession request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CHARGER_ID, variable(CHARGER_ID, request.chargerId()));
        variables.put(CONNECTOR_ID, variable(CONNECTOR_ID, request.connectorId()));
        variables.put(DESCRIPTION, variable(DESCRIPTION, request.description()));
        variables.put(SESSION_POWER_KW, variable(SESSION_POWER_KW, request.sessionPowerKw()));
        variables.put(SESSION_ENERGY_KWH, variable(SESSION_ENERGY_KWH, request.sessionEnergyKwh()));
        ProcessInstanceWithVariables instance = startProcess("charging-session", variables);
        VariableMap result = instance.getVariables();
        String reason = (String) result.get("refusalReason");
        var requested = switch (ChargerReadiness.Kind.valueOf((String) result.get("readiness"))) {
            case READY -> new SessionRequested((Long) result.get(SESSION_ID), instance.getId(), SessionState.REQUESTED,
                    "The charger is being asked to start charging");
            case NOT_PLUGGED_IN -> new SessionRequested((Long) result.get(SESSION_ID), instance.getId(),
                    SessionState.WAITING_FOR_VEHICLE, reason + ": the session waits for it");
            case REFUSED -> throw ApiException.conflict(reason);
        };
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(requested.sessionId()).toUri()).body(requested);
    }

    /** Completes the user task the session waits at: Charging (stop charging) or Connect the vehicle (cancel). */
    @PostMapping("/sessions/{id}/stop")
    ResponseEntity<SessionStopping> stop(@PathVariable long id) {
        ChargingSession session = sessions.find(id).orElseThrow(() -> ApiException.notFound("No session with id " + id));
        readiness.whyNotStop(session).ifPresent(why -> {
            throw ApiException.conflict(why);
        });
        String taskKey = STOP_TASK.get(session.state());
        Task task = tasks.createTaskQuery().processInstanceId(session.processInstanceId())
                .taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw ApiException.conflict("Session " + id + " cannot be stopped just now: its process is not waiting at "
                    + taskKey + " (the charger may have gone offline)");
        }
        try {
            tasks.complete(task.getId());
        } catch (NullValueException | OptimisticLockingException raced) {
            throw ApiException.conflict("Session " + id + " is already being stopped");
        }
        return ResponseEntity.accepted().body(new SessionStopping(id, session.state() == SessionState.CHARGING
                ? "The charger is being asked to stop charging"
                : "The session is cancelled: it no longer waits for the vehicle"));
    }

    @PostMapping("/chargers/{id}/reset")
    ResponseEntity<ResetRequested> reset(@PathVariable String id, @RequestBody(required = false) ResetCharger request) {
        if (chargers.find(id).isEmpty()) {
            throw ApiException.notFound("No charger with id '" + id + "'");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(CHARGER_ID, id);
        variables.put("resetType", variable("resetType", request == null ? null : request.resetType()));
        ProcessInstanceWithVariables instance = startProcess("charger-reset", variables);
        if (!Boolean.TRUE.equals(instance.getVariables().get("resetAllowed"))) {
            throw ApiException.conflict((String) instance.getVariables().get("refusalReason"));
        }
        return ResponseEntity.accepted().body(new ResetRequested(id, instance.getId(),
                "Charger " + id + " is being reset (" + variables.get("resetType") + ")"));
    }

    private ProcessInstanceWithVariables startProcess(String key, Map<String, Object> variables) {
        try {
            return runtime.createProcessInstanceByKey(key).setVariables(variables).executeWithVariablesInReturn();
        } catch (ProcessEngineException e) {
            // Anything else, e.g. an AuthorizationException (403, see ApiErrors), goes on as it is.
            InvalidVariable invalid = InvalidVariable.causeOf(e).orElseThrow(() -> e);
            throw ApiException.invalid(invalid.variable(), invalid.problem());
        }
    }

    /**
     * A JSON value as a process variable of a plain type: blank text counts as not given (as in the forms),
     * whole numbers stay Integer and other numbers become Double; lists and objects are no start values.
     */
    private static Object variable(String name, Object value) {
        if (value instanceof String text) {
            return text.isBlank() ? null : text;
        }
        if (value == null || value instanceof Integer || value instanceof Double || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw ApiException.invalid(name, "a single value, not a list or an object");
    }
}
