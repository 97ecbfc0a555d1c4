package org.chargeflow.workflow;

import jakarta.annotation.PreDestroy;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.chargeflow.platform.BackgroundWork;
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
 * <p>
 * The figures exist from the session's start (see {@link ChargerEventsToProcesses}), so these transactions
 * only update variable rows: one that inserted them could meet a process ending at the same time and make the
 * end fail on the variables' foreign key.
 */
@Component
class LiveFigures {

    private static final Logger log = LoggerFactory.getLogger(LiveFigures.class);
    static final int PROCESSES_PER_TRANSACTION = 100;

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
            log.warn("Writing live figures failed; the next refreshes bring them again", e);
        }
    }

    /** Writes every figure kept so far. A session whose process has ended meanwhile is skipped. */
    synchronized void write() {
        while (!unwritten.isEmpty()) {
            long began = System.nanoTime();
            write(take(PROCESSES_PER_TRANSACTION));
            // Half the time at most: after an outage ten thousand first readings come at once, and their
            // figures can wait a few seconds more where the chargers' answers cannot.
            if (!unwritten.isEmpty() && !BackgroundWork.pauseAfterRound(System.nanoTime() - began)) {
                return;
            }
        }
    }

    /**
     * A transaction that fails (say one of its processes ended in the same moment) is tried again in halves,
     * so the others do not lose their figures for it and a conflict costs a few transactions, not one per process.
     */
    private void write(List<Map.Entry<String, Map<String, Object>>> batch) {
        try {
            commands.execute(context -> {
                writeRunning(batch);
                return null;
            });
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                write(batch.subList(0, batch.size() / 2));
                write(batch.subList(batch.size() / 2, batch.size()));
            } else if (runtime.createProcessInstanceQuery().processInstanceId(batch.get(0).getKey()).count() > 0) {
                log.warn("Live figures for process {} not written; its next refresh brings them again: {}",
                        batch.get(0).getKey(), e.getMessage());
            }
        }
    }

    /** In one engine transaction: one query finds which processes still run, then their variables are set. */
    private void writeRunning(List<Map.Entry<String, Map<String, Object>>> batch) {
        Set<String> ids = batch.stream().map(Map.Entry::getKey).collect(Collectors.toSet());
        Set<String> running = runtime.createProcessInstanceQuery().processInstanceIds(ids).list()
                .stream().map(ProcessInstance::getId).collect(Collectors.toSet());
        batch.stream().filter(figures -> running.contains(figures.getKey()))
                .forEach(figures -> runtime.setVariables(figures.getKey(), figures.getValue()));
    }

    private List<Map.Entry<String, Map<String, Object>>> take(int most) {
        List<Map.Entry<String, Map<String, Object>>> batch = new ArrayList<>();
        for (Iterator<String> ids = unwritten.keySet().iterator(); ids.hasNext() && batch.size() < most; ) {
            String id = ids.next();
            Map<String, Object> figures = unwritten.remove(id);
            if (figures != null) {
                batch.add(Map.entry(id, figures));
            }
        }
        return batch;
    }

    @PreDestroy
    void stop() {
        writer.shutdownNow();
    }
}
