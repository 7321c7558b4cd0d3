package dev.routescope.mrt.archive;

/**
 * What an archive file holds.
 *
 * <pre>{@code
 * MrtArchive.routeViews().list(List.of("route-views2"), from, until, EnumSet.of(FileKind.RIB));
 * }</pre>
 *
 * @since 0.1
 */
public enum FileKind {
    /** A RIB snapshot (RIS {@code bview.*}, RouteViews {@code RIBS/rib.*}): TABLE_DUMP_V2 records. */
    RIB,
    /** An update file covering one period: BGP4MP messages and state changes. */
    UPDATES
}
