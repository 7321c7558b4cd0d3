package dev.routescope.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Skip-or-fail policy for missing test prerequisites. */
public final class Requirements {
    private Requirements() {}

    /** {@return true when running under CI ({@code CI=true} in the environment or {@code -DCI=true})} */
    public static boolean inCi() {
        String env = System.getenv("CI");
        String prop = System.getProperty("CI");
        return "true".equalsIgnoreCase(env) || "true".equalsIgnoreCase(prop);
    }

    /**
     * Skips the current test locally, fails it under CI.
     *
     * @param what what is missing and how to get it
     */
    public static void missing(String what) {
        if (inCi()) {
            Assertions.fail("missing under CI=true: " + what);
        }
        Assumptions.abort("skipped locally: " + what);
    }
}
