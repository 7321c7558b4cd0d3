package dev.routescope.mrt;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.routescope.model.IpAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzz targets (Jazzer). By default each target replays its committed seed corpus in
 * {@code src/test/resources/dev/routescope/mrt/MrtFuzzTestInputs/<target>/} (real records cut from the shared files)
 * as a regression test; with {@code JAZZER_FUZZ=1} one target at a time is fuzzed and new crashing inputs are
 * written next to the seeds:
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 ./mvnw -B -o -pl bgp-mrt-parser test -Dtest=MrtFuzzTest#updateMessage -Djazzer.max_duration=10m
 * }</pre>
 */
class MrtFuzzTest {
    private static final int CONTROL_ASN4 = 1;
    private static final int CONTROL_ADD_PATH = 2;
    private static final int CONTROL_IPV6_PEER = 4;
    private static final int CONTROL_ET = 8;

    /** A whole MRT stream: framing, resync, every record type and the element decoder. */
    @FuzzTest(maxDuration = "30s")
    void recordStream(byte[] data) {
        MrtInvariants.decodeChecked(data, new MrtInvariants.Totals());
    }

    /**
     * One BGP UPDATE body (after the 19-byte BGP header) inside a well-formed BGP4MP record, so the fuzzer spends its
     * time in the UPDATE, NLRI and attribute decoders instead of the framing. The first byte selects the context:
     * bit 0 4-byte ASNs, bit 1 ADD-PATH subtype, bit 2 IPv6 peer, bit 3 BGP4MP_ET.
     */
    @FuzzTest(maxDuration = "30s")
    void updateMessage(byte[] data) {
        if (data.length < 1) {
            return;
        }
        int control = data[0];
        byte[] body = new byte[data.length - 1];
        System.arraycopy(data, 1, body, 0, body.length);
        MrtInvariants.decodeChecked(bgp4mpUpdateRecord(control, body), new MrtInvariants.Totals());
    }

    /**
     * A path attribute block decoded directly; the first byte selects the AS_PATH width (bit 0: 4 bytes). Every
     * accessor is called, and what they return must be bounded by the block.
     */
    @FuzzTest(maxDuration = "30s")
    void attributeBlock(byte[] data) {
        if (data.length < 1) {
            return;
        }
        int width = (data[0] & CONTROL_ASN4) != 0 ? 4 : 2;
        ByteBuf buf = Unpooled.wrappedBuffer(data);
        int n = data.length - 1;
        List<String> problems = new ArrayList<>();
        BgpAttributes a = new BgpAttributes();
        a.parse(buf, 1, n, width, (kind, action, index, detail) -> {
            assertThat(index).as(detail).isBetween(1, data.length);
            assertThat(detail).isNotBlank();
            problems.add(kind + " " + action + " " + detail);
        });
        assertThat(a.encodedLength()).isEqualTo(n);
        if (a.treatAsWithdraw()) {
            assertThat(problems).as("treat-as-withdraw always says why").isNotEmpty();
        }
        assertThat(a.attributeCount()).isLessThanOrEqualTo(n / 3);
        assertThat(a.communityCount() * 4L).isLessThanOrEqualTo(n);
        assertThat(a.extendedCommunityCount() * 8L).isLessThanOrEqualTo(n);
        assertThat(a.largeCommunityCount() * 12L).isLessThanOrEqualTo(n);
        // An effective path holds at most the ASNs of AS_PATH plus AS4_PATH; both fit in the block.
        assertThat((long) a.asPathAsnCount() * 2).isLessThanOrEqualTo(n);
        for (int i = 0; i < a.communityCount(); i++) {
            a.community(i);
        }
        for (int i = 0; i < a.extendedCommunityCount(); i++) {
            a.extendedCommunity(i);
        }
        for (int i = 0; i < a.largeCommunityCount(); i++) {
            a.largeCommunity(i, 2);
        }
        long[] visited = new long[1];
        a.forEachAsn((segmentType, asn) -> {
            assertThat(asn).isBetween(0L, 0xFFFF_FFFFL);
            visited[0]++;
            return true;
        });
        assertThat(visited[0]).isEqualTo(a.asPathAsnCount());
        a.origin();
        a.med();
        a.localPref();
        a.originAsn();
        a.aggregatorAsn();
        a.onlyToCustomer();
        assertThat(a.asPath().segments()).hasSizeLessThanOrEqualTo(Math.max(0, n / 3));
        a.toPathAttributes(IpAddress.parse("192.0.2.1"), null);
    }

    /** Wraps an UPDATE body in a BGP4MP(_ET) MESSAGE record of the subtype the control byte selects. */
    static byte[] bgp4mpUpdateRecord(int control, byte[] updateBody) {
        boolean asn4 = (control & CONTROL_ASN4) != 0;
        boolean addPath = (control & CONTROL_ADD_PATH) != 0;
        boolean v6 = (control & CONTROL_IPV6_PEER) != 0;
        boolean et = (control & CONTROL_ET) != 0;
        int subtype = addPath ? (asn4 ? 9 : 8) : (asn4 ? 4 : 1);
        int bgpLen = Math.min(0xFFFF, 19 + updateBody.length);
        MrtBytes body = MrtBytes.bytes();
        if (asn4) {
            body.u32(64500).u32(64501);
        } else {
            body.u16(64500).u16(64501);
        }
        body.u16(0).u16(v6 ? 2 : 1);
        body.raw(new byte[v6 ? 32 : 8]);
        for (int i = 0; i < 16; i++) {
            body.u8(0xFF);
        }
        body.u16(bgpLen).u8(2).raw(updateBody);
        byte[] b = body.toArray();
        MrtBytes rec = MrtBytes.bytes()
                .u32(1609476900L)
                .u16(et ? MrtTypes.BGP4MP_ET : MrtTypes.BGP4MP)
                .u16(subtype);
        rec.u32(b.length + (et ? 4 : 0));
        if (et) {
            rec.u32(123456);
        }
        return rec.raw(b).toArray();
    }
}
