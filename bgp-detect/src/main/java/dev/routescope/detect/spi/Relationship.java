package dev.routescope.detect.spi;

/**
 * The role of a neighbour as seen from an AS (CAIDA {@code -1}/{@code 0} links plus siblings from
 * as2org).
 *
 * <pre>{@code
 * rel.relationship(3356, 64500) == Relationship.CUSTOMER // 64500 is a customer of 3356
 * }</pre>
 *
 * @since 0.1
 */
public enum Relationship {
    /** The neighbour buys transit from the AS. */
    CUSTOMER,
    /** Settlement-free peer. */
    PEER,
    /** The neighbour sells transit to the AS. */
    PROVIDER,
    /** Same organisation. */
    SIBLING,
    /** No data. */
    UNKNOWN
}
