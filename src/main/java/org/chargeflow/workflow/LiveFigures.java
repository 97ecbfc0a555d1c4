package org.chargeflow.workflow;

import jakarta.annotation.PreDestroy;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.chargeflow.platform.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The Charging task's live figures ({@link SessionVariables#LIVE_PREFIX live…} variables), written for many
 * sessions at once: about once a second, up to {@value #PROCESSES_PER_TRANSACTION} processes per engine
 * transaction. Each session keeps only its newest figures until then. One transaction per refresh cost a
 * commit and seven more round trips to the database each, and ran in the charger's lane, ahead of the events
 * that change a session's course: after an outage, ten thousand sessions' first readings queued a minute
 * of refreshes in front of their stops.
 */
@Component
class LiveFigures {

    private static final Logger log = LoggerFactory.getLogger(LiveFigures.class);
    static final int PROCESSES_PER_TRANSACTION = 200;

    private final RuntimeService runtime;
    private final CommandExecutor commands;
    private final Map<String, Map<String, Object>> unwritten = new ConcurrentHashMap<>();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("live-figures-"));

    LiveFigures(ProcessEngine engine) {
        this.runtime = engine.getRuntimeService();
        this.commands = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired();
        writer.scheduleWithFixedDelay(this::writeSafely, 1, 1, TimeUnit.SECONDS);
    }

    /** Keeps the figures until the next write; figures not given keep their previous values. */
    void show(String processInstanceId, Map<String, Object> figures) {
        unwritten.merge(processInstanceId, figures, (older, newer) -> {
            Map<String, Object> merged = new HashMap<>(older);
            merged.putAll(newer);
            return merged;
        });
    }

    private void writeSafely() {
        try {
            write();
        } catch (RuntimeException e) {
            log.warn("Writing live figures failed; the next readings bring them again", e);
        }
    }

    /** Writes every figure kept so far. A session whose process has ended meanwhile is skipped. */
    synchronized void write() {
        while (!unwritten.isEmpty()) {
            Map<String, Map<String, Object>> batch = take(PROCESSES_PER_TRANSACTION);
            try {
                commands.execute(context -> {
                    writeRunning(batch);
                    return null;
                });
            } catch (RuntimeException batchFailed) {
                // Say a process ended in the same moment: the others must not lose their figures for it.
                batch.forEach((processInstanceId, figures) -> {
                    try {
                        commands.execute(context -> {
                            writeRunning(Map.of(processInstanceId, figures));
                            return null;
                        });
                    } catch (RuntimeException e) {
                        log.debug("Live figures for process {} not written: {}", processInstanceId, e.getMessage());
                    }
                });
            }
        }
    }

    /** In one engine transaction: one query finds which processes still run, then their variables are set. */
    private void writeRunning(Map<String, Map<String, Object>> figuresByProcess) {
        Set<String> running = runtime.createProcessInstanceQuery().processInstanceIds(figuresByProcess.keySet()).list()
                .stream().map(ProcessInstance::getId).collect(Collectors.toSet());
        figuresByProcess.forEach((processInstanceId, figures) -> {
            if (running.contains(processInstanceId)) {
                runtime.setVariables(processInstanceId, figures);
            }
        });
    }

    private Map<String, Map<String, Object>> take(int most) {
        Map<String, Map<String, Object>> batch = new HashMap<>();
        for (Iterator<String> ids = unwritten.keySet().iterator(); ids.hasNext() && batch.size() < most; ) {
            String id = ids.next();
            Map<String, Object> figures = unwritten.remove(id);
            if (figures != null) {
                batch.put(id, figures);
            }
        }
        return batch;
    }

    @PreDestroy
    void stop() {
        writer.shutdownNow();
    }
}
