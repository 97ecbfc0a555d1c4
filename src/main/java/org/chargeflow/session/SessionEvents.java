package org.chargeflow.session;

/** What happens to charging sessions, as Spring application events for features that show or react to them. */
public final class SessionEvents {

    private SessionEvents() {
    }

    /**
     * A session's row was written (created, started, a new reading, its state or outcome). Published on the
     * writing thread: inside the writer's transaction when there is one (listen with
     * {@code @TransactionalEventListener(fallbackExecution = true)} to see it committed), else once the write
     * is committed, which for batched readings is the database writer's thread, so listeners must be quick.
     */
    public record SessionChanged(long sessionId) {
    }
}
