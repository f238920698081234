package dev.rendergate.fuzz;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A generator of test inputs drawn from a seeded {@link Random}, so a run is repeated exactly by its seed.
 *
 * @param <T> what it generates
 */
@FunctionalInterface
public interface Gen<T> {

    T next(Random random);

    /** This generator's values passed through {@code f}. */
    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return random -> f.apply(next(random));
    }

    /** One of {@code values}, each as likely. */
    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        List<T> list = List.of(values);
        return random -> list.get(random.nextInt(list.size()));
    }

    /** A value of one of {@code gens}, each generator as likely. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> list = List.of(gens);
        return random -> list.get(random.nextInt(list.size())).next(random);
    }

    /** An int in {@code [min, max]}. */
    static Gen<Integer> between(int min, int max) {
        return random -> min + random.nextInt(max - min + 1);
    }
}
