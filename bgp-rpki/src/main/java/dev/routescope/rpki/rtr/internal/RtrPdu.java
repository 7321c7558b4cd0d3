package dev.routescope.rpki.rtr.internal;

import dev.routescope.rpki.Aspa;
import dev.routescope.rpki.Vrp;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** One RTR PDU; {@link RtrCodec} encodes and decodes them. */
public sealed interface RtrPdu {
    int SERIAL_NOTIFY = 0;
    int SERIAL_QUERY = 1;
    int RESET_QUERY = 2;
    int CACHE_RESPONSE = 3;
    int IPV4_PREFIX = 4;
    int IPV6_PREFIX = 6;
    int END_OF_DATA = 7;
    int CACHE_RESET = 8;
    int ROUTER_KEY = 9;
    int ERROR_REPORT = 10;
    int ASPA = 11;

    /** {@return the protocol version, 0..2} */
    int version();

    /** {@return the PDU type} */
    int type();

    /** Serial Notify: the cache has new data. */
    record SerialNotify(int version, int sessionId, int serial) implements RtrPdu {
        @Override
        public int type() {
            return SERIAL_NOTIFY;
        }
    }

    /** Serial Query: the router asks for changes since a serial. */
    record SerialQuery(int version, int sessionId, int serial) implements RtrPdu {
        @Override
        public int type() {
            return SERIAL_QUERY;
        }
    }

    /** Reset Query: the router asks for everything. */
    record ResetQuery(int version) implements RtrPdu {
        @Override
        public int type() {
            return RESET_QUERY;
        }
    }

    /** Cache Response: payload follows until End of Data. */
    record CacheResponse(int version, int sessionId) implements RtrPdu {
        @Override
        public int type() {
            return CACHE_RESPONSE;
        }
    }

    /** IPv4 or IPv6 Prefix (the family follows the VRP's prefix). */
    record PrefixPdu(int version, boolean announce, Vrp vrp) implements RtrPdu {
        @Override
        public int type() {
            return vrp.prefix().isIpv4() ? IPV4_PREFIX : IPV6_PREFIX;
        }
    }

    /**
     * End of Data; the timers are in seconds and are -1 in version 0, which does not carry them.
     */
    record EndOfData(int version, int sessionId, int serial, long refresh, long retry, long expire) implements RtrPdu {
        @Override
        public int type() {
            return END_OF_DATA;
        }
    }

    /** Cache Reset: the cache cannot serve the serial asked for. */
    record CacheReset(int version) implements RtrPdu {
        @Override
        public int type() {
            return CACHE_RESET;
        }
    }

    /** Router Key (BGPsec, v1+); decoded for validation, not used by the client. */
    // internal wire value: the arrays are never exposed outside the codec and client, equals compares contents
    @SuppressWarnings("ArrayRecordComponent")
    record RouterKey(int version, boolean announce, byte[] ski, long asn, byte[] subjectPublicKeyInfo)
            implements RtrPdu {
        @Override
        public int type() {
            return ROUTER_KEY;
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof RouterKey k
                    && k.version == version
                    && k.announce == announce
                    && k.asn == asn
                    && Arrays.equals(k.ski, ski)
                    && Arrays.equals(k.subjectPublicKeyInfo, subjectPublicKeyInfo);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ski) * 31 + Long.hashCode(asn);
        }
    }

    /** Error Report, either direction. */
    // internal wire value: the arrays are never exposed outside the codec and client, equals compares contents
    @SuppressWarnings("ArrayRecordComponent")
    record ErrorReport(int version, int errorCode, byte[] erroneousPdu, String text) implements RtrPdu {
        @Override
        public int type() {
            return ERROR_REPORT;
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof ErrorReport e
                    && e.version == version
                    && e.errorCode == errorCode
                    && Arrays.equals(e.erroneousPdu, erroneousPdu)
                    && e.text.equals(text);
        }

        @Override
        public int hashCode() {
            return errorCode * 31 + text.hashCode();
        }
    }

    /**
     * ASPA (v2): an announcement carries the full provider set; a withdrawal only the customer
     * (then {@code aspa} holds the customer with provider AS0 as a placeholder).
     */
    // internal wire value: the arrays are never exposed outside the codec and client, equals compares contents
    @SuppressWarnings("ArrayRecordComponent")
    record AspaPdu(int version, boolean announce, long customerAsn, long[] providers) implements RtrPdu {
        @Override
        public int type() {
            return ASPA;
        }

        /** {@return the announced ASPA} */
        public Aspa toAspa() {
            return new Aspa(customerAsn, providers);
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof AspaPdu a
                    && a.version == version
                    && a.announce == announce
                    && a.customerAsn == customerAsn
                    && Arrays.equals(a.providers, providers);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(customerAsn) * 31 + Arrays.hashCode(providers);
        }
    }
}
