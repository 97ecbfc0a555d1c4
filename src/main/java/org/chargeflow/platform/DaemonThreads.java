package org.chargeflow.platform;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads for the application's own pools: named for thread dumps, and never keeping the JVM alive. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Names its threads {@code prefix1}, {@code prefix2}, ... */
    public static ThreadFactory named(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
