package dev.routescope.detect.internal;

import dev.routescope.detect.spi.RouteOriginLookup;
import dev.routescope.detect.spi.RovState;
import dev.routescope.model.Prefix;
import dev.routescope.rpki.InvalidReason;
import dev.routescope.rpki.RouteOriginValidator;
import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code bgp-rpki}'s validator behind the detector seam. Every call reads the validator's current
 * snapshot (one volatile load), so RTR deltas applied to the validator are seen by the next event.
 */
public final class ValidatorLookup implements RouteOriginLookup {
    private final RouteOriginValidator validator;
    private final Supplier<@Nullable Instant> dataTime;

    /**
     * Wraps a validator.
     *
     * @param validator the live validator
     * @param dataTime when the data in use was produced (RTR: last successful sync), null if unknown
     */
    public ValidatorLookup(RouteOriginValidator validator, Supplier<@Nullable Instant> dataTime) {
        this.validator = validator;
        this.dataTime = dataTime;
    }

    /** {@return the wrapped validator} */
    public RouteOriginValidator validator() {
        return validator;
    }

    @Override
    public RovState validate(Prefix prefix, long originAsn) {
        return switch (validator.validateState(prefix, originAsn)) {
            case VALID -> RovState.VALID;
            case NOT_FOUND -> RovState.NOT_FOUND;
            // Invalid routes are rare: the allocating full result is affordable to tell IA from IL.
            case INVALID ->
                validator.validate(prefix, originAsn).reason() == InvalidReason.TOO_SPECIFIC
                        ? RovState.INVALID_LENGTH
                        : RovState.INVALID_ORIGIN;
        };
    }

    /** An empty snapshot (RTR not synchronised yet, failed load) means no RPKI, not "all not-found". */
    @Override
    public boolean isAvailable() {
        return !validator.snapshot().isEmpty();
    }

    @Override
    public @Nullable Instant dataTime() {
        return dataTime.get();
    }

    @Override
    public String toString() {
        return "RouteOriginValidator[" + validator.snapshot() + "]";
    }
}
