package dev.rendergate.fuzz;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A property checked over generated inputs: a fixed seed, a number of tries, and a bound on each call that
 * catches a pathological input (a regex backtracking, a loop that never ends) rather than measuring speed.
 * The first failing input is reported with the seed and the try that produced it, its characters escaped.
 *
 * <pre>{@code
 * Property.forAll(HostileText.path()).tries(2_000).check(path -> assertThat(parse(path)).isNotNull());
 * }</pre>
 *
 * <p>Each call runs on one daemon thread kept for the property, so a call that never returns fails the
 * property at its bound and cannot hold the test JVM open.
 *
 * @param <T> the input type
 */
public final class Property<T> {

    /**
     * The seed every property uses unless told otherwise, so runs are repeatable; {@code -Drendergate.fuzz.seed=N}
     * explores other inputs, and {@code -Drendergate.fuzz.scale=K} multiplies every property's tries (a long run).
     */
    public static final long DEFAULT_SEED = Long.getLong("rendergate.fuzz.seed", 0x5EED_15L);
    private static final int SCALE = Math.max(1, Integer.getInteger("rendergate.fuzz.scale", 1));
    /** Generous: a call on this machine takes microseconds; only a runaway input comes near. */
    public static final Duration DEFAULT_BOUND = Duration.ofSeconds(1);

    /** The body of a property; it may throw anything, which fails the property with the input named. */
    @FunctionalInterface
    public interface Check<T> {
        void accept(T input) throws Exception;
    }

    private final Gen<T> gen;
    private long seed = DEFAULT_SEED;
    private int tries = 1_000;
    private Duration bound = DEFAULT_BOUND;

    private Property(Gen<T> gen) {
        this.gen = gen;
    }

    public static <T> Property<T> forAll(Gen<T> gen) {
        return new Property<>(gen);
    }

    public Property<T> seed(long seed) {
        this.seed = seed;
        return this;
    }

    public Property<T> tries(int tries) {
        this.tries = tries;
        return this;
    }

    /** The most one call may take before the property fails as a runaway. */
    public Property<T> perCall(Duration bound) {
        this.bound = bound;
        return this;
    }

    /** Runs {@code check} on {@code tries} generated inputs; throws an {@link AssertionError} on the first failure. */
    public void check(Check<T> check) {
        Random random = new Random(seed);
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "property-call");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < tries * SCALE; i++) {
                T input = gen.next(random);
                run(runner, check, input, i);
            }
        } finally {
            runner.shutdownNow();
        }
    }

    private void run(ExecutorService runner, Check<T> check, T input, int attempt) {
        Future<?> call = runner.submit(() -> {
            check.accept(input);
            return null;
        });
        try {
            call.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new AssertionError(describe(attempt, input) + " took longer than " + bound);
        } catch (ExecutionException e) {
            throw new AssertionError(describe(attempt, input) + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private String describe(int attempt, T input) {
        return "try " + (attempt + 1) + " of seed " + seed + ", input " + Escaped.of(input);
    }
}
