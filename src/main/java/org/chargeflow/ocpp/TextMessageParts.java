package org.chargeflow.ocpp;

/**
 * Joins a text message that arrives in parts. Tomcat hands a message over in pieces of its text buffer, and a
 * charger may split a message into WebSocket fragments. So each connection needs only a small buffer up front,
 * and only a message that spans parts costs a builder, for as long as it is incomplete. One connection's parts
 * arrive one after another, so this needs no locking.
 */
final class TextMessageParts {

    private final int maxChars;
    private StringBuilder incomplete;
    private boolean refused;

    TextMessageParts(int maxChars) {
        this.maxChars = maxChars;
    }

    int maxChars() {
        return maxChars;
    }

    /** Whether a next part of this length keeps the message within the limit. */
    boolean fits(int partLength) {
        return (incomplete == null ? 0 : incomplete.length()) + partLength <= maxChars;
    }

    /** A message went over the limit, and the connection is being closed: every part from now on is dropped. */
    void refuse() {
        refused = true;
        incomplete = null;
    }

    boolean refused() {
        return refused;
    }

    /** Adds the next part ({@link #fits} it first); returns the whole message after its last part, else null. */
    String add(String part, boolean last) {
        if (incomplete == null) {
            if (last) {
                return part;
            }
            incomplete = new StringBuilder(part);
            return null;
        }
        incomplete.append(part);
        if (!last) {
            return null;
        }
        String whole = incomplete.toString();
        incomplete = null;
        return whole;
    }
}
