package org.chargeflow.platform;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;

/**
 * Engine work that no charger is waiting for (the charger event lanes, Camunda's job executor) runs at the
 * lowest thread priority, so that under a full CPU the threads answering chargers go first. On Linux a
 * JVM keeps all its threads at one priority unless it is started with {@code -XX:ThreadPriorityPolicy=1}
 * (which lowers, and never raises, a priority without root rights): the README's commands set it, and
 * a start without it is logged.
 */
@Component
class BackgroundPriority implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final String JOB_EXECUTOR_THREADS = "camundaTaskExecutor";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (JOB_EXECUTOR_THREADS.equals(beanName) && bean instanceof ThreadPoolTaskExecutor threads) {
            threads.setThreadPriority(Thread.MIN_PRIORITY);
        }
        return bean;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfPrioritiesAreIgnored() {
        if (System.getProperty("os.name", "").startsWith("Linux") && "0".equals(threadPriorityPolicy())) {
            log.warn("Thread priorities are ignored by this JVM: under a full CPU the engine's background work "
                    + "competes with answering chargers. Start Java with -XX:ThreadPriorityPolicy=1 (see README).");
        }
    }

    private static String threadPriorityPolicy() {
        try {
            return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("ThreadPriorityPolicy").getValue();
        } catch (IllegalArgumentException | NullPointerException e) {
            return null; // not a HotSpot JVM: its own rules apply
        }
    }
}
