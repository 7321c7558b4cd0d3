package dev.routescope.model;

/** Text parsing and RFC 5952 formatting of addresses, shared by {@link IpAddress} and {@link Prefix}. */
final class IpText {
    private IpText() {}

    static IpAddress parseAddress(CharSequence s, int from, int to) {
        if (from >= to) {
            throw new IllegalArgumentException("invalid IP address '" + s + "': empty");
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == ':') {
                return parseIpv6(s, from, to);
            }
        }
        return IpAddress.ofIpv4(parseIpv4(s, from, to));
    }

    private static IllegalArgumentException bad(CharSequence s, String reason) {
        return new IllegalArgumentException("invalid IP address '" + s + "': " + reason);
    }

    static int parseIpv4(CharSequence s, int from, int to) {
        int result = 0;
        int octets = 0;
        int i = from;
        while (true) {
            int start = i;
            int v = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                v = v * 10 + (s.charAt(i) - '0');
                i++;
                if (i - start > 3) {
                    throw bad(s, "IPv4 octet too long");
                }
            }
            if (i == start) {
                throw bad(
                        s, i < to ? "unexpected character '" + s.charAt(i) + "' at index " + i : "missing IPv4 octet");
            }
            if (v > 255) {
                throw bad(s, "IPv4 octet " + v + " out of range (expected: 0..255)");
            }
            if (i - start > 1 && s.charAt(start) == '0') {
                throw bad(s, "IPv4 octet with leading zero is ambiguous");
            }
            result = result << 8 | v;
            octets++;
            if (octets == 4) {
                if (i != to) {
                    throw bad(s, "unexpected character '" + s.charAt(i) + "' at index " + i);
                }
                return result;
            }
            if (i >= to || s.charAt(i) != '.') {
                throw bad(s, "expected 4 dot-separated octets");
            }
            i++;
        }
    }

    private static IpAddress parseIpv6(CharSequence s, int from, int to) {
        int[] groups = new int[8];
        int count = 0;
        int gap = -1; // index in groups where "::" was
        int i = from;
        if (to - from >= 2 && s.charAt(from) == ':' && s.charAt(from + 1) == ':') {
            gap = 0;
            i = from + 2;
            if (i == to) {
                return IpAddress.ofIpv6(0, 0);
            }
        } else if (s.charAt(from) == ':') {
            throw bad(s, "leading ':' without '::'");
        }
        while (i < to) {
            int start = i;
            int v = 0;
            while (i < to && Character.digit(s.charAt(i), 16) >= 0) {
                v = v << 4 | Character.digit(s.charAt(i), 16);
                i++;
                if (i - start > 4) {
                    throw bad(s, "IPv6 group longer than 4 hex digits");
                }
            }
            if (i < to && s.charAt(i) == '.') {
                // trailing dotted quad occupies two groups
                if (count > 6) {
                    throw bad(s, "too many groups");
                }
                int v4 = parseIpv4(s, start, to);
                groups[count++] = v4 >>> 16;
                groups[count++] = v4 & 0xFFFF;
                i = to;
                break;
            }
            if (i == start) {
                throw bad(s, i < to ? "unexpected character '" + s.charAt(i) + "' at index " + i : "trailing ':'");
            }
            if (count == 8) {
                throw bad(s, "more than 8 groups");
            }
            groups[count++] = v;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != ':') {
                throw bad(s, "unexpected character '" + s.charAt(i) + "' at index " + i);
            }
            i++;
            if (i < to && s.charAt(i) == ':') {
                if (gap >= 0) {
                    throw bad(s, "more than one '::'");
                }
                gap = count;
                i++;
                if (i == to) {
                    break;
                }
            } else if (i == to) {
                throw bad(s, "trailing ':'");
            }
        }
        if (gap < 0 && count != 8) {
            throw bad(s, "expected 8 groups, found " + count);
        }
        if (gap >= 0 && count == 8) {
            throw bad(s, "'::' must stand for at least one zero group");
        }
        int[] full = new int[8];
        if (gap < 0) {
            System.arraycopy(groups, 0, full, 0, 8);
        } else {
            System.arraycopy(groups, 0, full, 0, gap);
            int tail = count - gap;
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        }
        long h = 0;
        long l = 0;
        for (int g = 0; g < 4; g++) {
            h = h << 16 | full[g];
            l = l << 16 | full[g + 4];
        }
        return IpAddress.ofIpv6(h, l);
    }

    static void appendAddress(StringBuilder sb, AddressFamily family, long high, long low) {
        if (family == AddressFamily.IPV4) {
            appendIpv4(sb, (int) (high >>> 32));
            return;
        }
        if (high == 0 && (low >>> 32) == 0xFFFFL) {
            sb.append("::ffff:");
            appendIpv4(sb, (int) low);
            return;
        }
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) (high >>> (48 - 16 * i)) & 0xFFFF;
            g[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xFFFF;
        }
        // RFC 5952 §4.2: compress the longest run of >= 2 zero groups, the first one on a tie.
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLen) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
    }

    static void appendIpv4(StringBuilder sb, int bits) {
        sb.append(bits >>> 24)
                .append('.')
                .append((bits >>> 16) & 0xFF)
                .append('.')
                .append((bits >>> 8) & 0xFF)
                .append('.')
                .append(bits & 0xFF);
    }
}
