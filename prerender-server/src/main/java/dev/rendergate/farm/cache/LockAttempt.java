package dev.rendergate.farm.cache;

/** What trying to take a key's cross-node render lock gave. */
sealed interface LockAttempt {

    /** This node renders; {@code fence} orders its write after every earlier one. */
    record Acquired(long fence) implements LockAttempt {
    }

    /** Another node is rendering the key. */
    record Held() implements LockAttempt {
    }

    /** The shared tier did not answer; render locally. */
    record Unavailable() implements LockAttempt {
    }

    LockAttempt HELD = new Held();
    LockAttempt UNAVAILABLE = new Unavailable();
}
