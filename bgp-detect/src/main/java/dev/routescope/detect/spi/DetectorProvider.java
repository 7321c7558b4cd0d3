package dev.routescope.detect.spi;

/**
 * Creates detectors; the unit of discovery ({@link java.util.ServiceLoader}, sorted by {@link
 * #name()}) and of configuration. A pipeline with N workers calls {@link #create()} once per worker
 * for {@link Partitioning#BY_PREFIX} providers and once for {@link Partitioning#SINGLE} ones.
 *
 * <pre>{@code
 * public final class MyProvider implements DetectorProvider {
 *     public String name() { return "long-path"; }
 *     public Partitioning partitioning() { return Partitioning.BY_PREFIX; }
 *     public Detector create() { return new LongPathDetector(); }
 * }
 * // module-info: provides dev.routescope.detect.spi.DetectorProvider with my.MyProvider;
 * }</pre>
 *
 * @since 0.1
 */
public interface DetectorProvider {

    /** Where a detector's state lives. */
    enum Partitioning {
        /** State keyed by prefix: one instance per prefix partition, run in parallel. */
        BY_PREFIX,
        /** State keyed by ASN or global: one instance on the ordered stream after the prefix stage. */
        SINGLE
    }

    /** {@return a stable name, e.g. {@code hijack}; unique within a pipeline} */
    String name();

    /** {@return how the pipeline must partition this detector's input} */
    Partitioning partitioning();

    /** {@return a new detector with empty state} */
    Detector create();
}
