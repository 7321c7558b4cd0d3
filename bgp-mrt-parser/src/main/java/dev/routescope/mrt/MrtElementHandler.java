package dev.routescope.mrt;

/**
 * Receives elements from {@link MrtElementReader#forEachElement}; the element is a reusable view valid only during the call.
 *
 * <pre>{@code
 * long[] announcements = {0};
 * elements.forEachElement(e -> {
 *     if (e.kind() == MrtElement.Kind.ANNOUNCEMENT) announcements[0]++;
 *     return true;   // false stops reading
 * });
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface MrtElementHandler {
    /**
     * Called once per element, in file order.
     *
     * @param element the current element (do not keep it; call {@link MrtElement#toEvent()} to keep a value)
     * @return true to continue, false to stop
     */
    boolean onElement(MrtElement element);
}
