package dev.routescope.rpki;

import dev.routescope.model.AsPath;
import dev.routescope.model.Prefix;
import java.util.Collection;
import java.util.Objects;

/**
 * Route origin validation (RFC 6811) against a VRP snapshot that can be replaced or patched while
 * other threads validate.
 *
 * <pre>{@code
 * RouteOriginValidator rov = RouteOriginValidator.of(RpkiReader.read(Path.of("vrps.json.bz2")).vrps());
 * RovState s = rov.validateState(Prefix.parse("1.1.1.0/24"), 13335);          // hot path, no allocation
 * RovResult r = rov.validate(Prefix.parse("1.1.1.0/24"), AsPath.parse("3356 13335"));
 * rov.apply(List.of(Vrp.of("192.0.2.0/24", 24, 64496)), List.of());         // e.g. an RTR delta
 * }</pre>
 *
 * <h2>Threading</h2>
 *
 * Readers never block: every call reads the current immutable {@link VrpSnapshot} through one
 * volatile load, so a validation sees either the old or the new snapshot, never a mix. Writers
 * ({@link #update}, {@link #apply}) are serialised among themselves; an RTR client applies one
 * complete response (everything up to End of Data) per {@link #apply} call. Callers validating a
 * batch that must see one consistent snapshot take {@link #snapshot()} once and use it directly.
 *
 * @since 0.1
 */
public final class RouteOriginValidator {
    private volatile VrpSnapshot current;
    private final Object writeLock = new Object();

    private RouteOriginValidator(VrpSnapshot initial) {
        this.current = initial;
    }

    /**
     * A validator starting from a snapshot.
     *
     * @param initial the first snapshot
     * @return the validator
     */
    public static RouteOriginValidator of(VrpSnapshot initial) {
        return new RouteOriginValidator(Objects.requireNonNull(initial, "initial"));
    }

    /** {@return a validator without VRPs yet (everything NOT_FOUND until the first update)} */
    public static RouteOriginValidator empty() {
        return new RouteOriginValidator(VrpSnapshot.empty());
    }

    /** {@return the snapshot in use now} */
    public VrpSnapshot snapshot() {
        return current;
    }

    /**
     * Replaces the snapshot atomically (a full reload or an RTR cache reset).
     *
     * @param next the new snapshot
     * @return the previous one
     */
    public VrpSnapshot update(VrpSnapshot next) {
        Objects.requireNonNull(next, "next");
        synchronized (writeLock) {
            VrpSnapshot previous = current;
            current = next;
            return previous;
        }
    }

    /**
     * Applies an incremental change (withdrawals first, then announcements, as in an RTR
     * response) and publishes the result atomically.
     *
     * @param announced VRPs to add
     * @param withdrawn VRPs to remove
     * @return the new snapshot
     */
    public VrpSnapshot apply(Collection<Vrp> announced, Collection<Vrp> withdrawn) {
        synchronized (writeLock) {
            VrpSnapshot next = current.withChanges(announced, withdrawn);
            current = next;
            return next;
        }
    }

    /**
     * See {@link VrpSnapshot#validateState(Prefix, long)}.
     *
     * @param prefix the route prefix
     * @param origin the origin ASN, negative for NONE
     * @return the state
     */
    public RovState validateState(Prefix prefix, long origin) {
        return current.validateState(prefix, origin);
    }

    /**
     * See {@link VrpSnapshot#validateState(Prefix, AsPath)}.
     *
     * @param prefix the route prefix
     * @param path the AS_PATH
     * @return the state
     */
    public RovState validateState(Prefix prefix, AsPath path) {
        return current.validateState(prefix, path);
    }

    /**
     * See {@link VrpSnapshot#validate(Prefix, long)}.
     *
     * @param prefix the route prefix
     * @param origin the origin ASN, negative for NONE
     * @return the result with the covering and matching VRPs
     */
    public RovResult validate(Prefix prefix, long origin) {
        return current.validate(prefix, origin);
    }

    /**
     * See {@link VrpSnapshot#validate(Prefix, AsPath)}.
     *
     * @param prefix the route prefix
     * @param path the AS_PATH
     * @return the result with the covering and matching VRPs
     */
    public RovResult validate(Prefix prefix, AsPath path) {
        return current.validate(prefix, path);
    }
}
