package org.chargeflow.support;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Records the domain events the application publishes, on whatever thread, for tests to wait on. */
@TestComponent
public class RecordedEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void record(Object event) {
        if (event.getClass().getName().startsWith("org.chargeflow.")) {
            events.add(event);
        }
    }

    public <T> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits (bounded) for an event of that type matching the condition, and returns it. */
    public <T> T await(Class<T> type, Predicate<T> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> all(type).stream().filter(condition).findFirst(), Optional::isPresent)
                .orElseThrow();
    }
}
