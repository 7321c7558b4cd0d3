package dev.routescope.mrt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routescope.model.IpAddress;
import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BgpdumpFormatterTest {

    @ParameterizedTest
    @CsvSource({
        "2001:7f8:30::2:1:0:8447, 2001:7f8:30::2:1:0:8447",
        "2001:db8::1, 2001:db8::1",
        "fe80::, fe80::",
        "::, ::",
        "::1, ::1",
        "::ffff:192.168.2.1, ::ffff:192.168.2.1",
        "::192.168.1.2, ::192.168.1.2",
        "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
        "2001:0:0:1:0:0:1:1, 2001::1:0:0:1:1",
        "1:2:3:4:5:6:7:0, 1:2:3:4:5:6:7::",
    })
    void ipv6_bgpdumpStyle_longestRunEvenSingleGroup(String input, String expected) {
        IpAddress a = IpAddress.parse(input);
        StringBuilder sb = new StringBuilder();
        BgpdumpFormatter.ipv6Static(sb, a.high(), a.low());
        assertThat(sb).hasToString(expected);
    }

    @Test
    void comparator_undocumentedDifference_isReported() throws Exception {
        String theirs = "BGP4MP|1|A|10.0.0.1|1|10.0.0.0/8|1 2|IGP|10.0.0.1|0|0||NAG||\n";
        BgpdumpLineComparator cmp = new BgpdumpLineComparator(new BufferedReader(new StringReader(theirs)));
        cmp.ours("BGP4MP|1|A|10.0.0.1|1|10.0.0.0/8|1 3|IGP|10.0.0.1|0|0||NAG||");
        cmp.end();
        assertThat(cmp.failures()).singleElement().asString().contains("differs");
    }

    @Test
    void comparator_hostBitsOnly_isDocumentedDifference() throws Exception {
        String theirs = "BGP4MP|1|A|10.0.0.1|1|11.13.0.0/13|1 2|IGP|10.0.0.1|0|0||NAG||\nextra\n";
        BgpdumpLineComparator cmp = new BgpdumpLineComparator(new BufferedReader(new StringReader(theirs)));
        cmp.ours("BGP4MP|1|A|10.0.0.1|1|11.8.0.0/13|1 2|IGP|10.0.0.1|0|0||NAG||");
        cmp.end();
        assertThat(cmp.differences()).containsEntry(BgpdumpLineComparator.Difference.UNMASKED_HOST_BITS, 1L);
        assertThat(cmp.failures()).singleElement().asString().contains("more lines");
    }
}
