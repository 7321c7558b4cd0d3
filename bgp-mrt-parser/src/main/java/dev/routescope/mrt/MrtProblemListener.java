package dev.routescope.mrt;

/**
 * Receives every {@link MrtProblem} a reader finds, on the reading thread, in input order.
 *
 * <pre>{@code
 * List<MrtProblem> problems = new ArrayList<>();
 * try (MrtReader reader = MrtReader.builder().problemListener(problems::add).open(path)) { ... }
 * }</pre>
 *
 * <p>Implementations should be cheap; a listener that throws aborts the read with that exception.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface MrtProblemListener {
    /** A listener that ignores problems (they are still counted in {@link MrtStats}). */
    MrtProblemListener IGNORE = problem -> {};

    /**
     * Called once per problem.
     *
     * @param problem the problem
     */
    void onProblem(MrtProblem problem);
}
