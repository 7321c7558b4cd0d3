package dev.routescope.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.routescope.model.AsPath;
import dev.routescope.model.Asn;
import dev.routescope.model.Prefix;
import dev.routescope.testsupport.PropertyCheck;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class MonitoredResourcesTest {
    /** The example of domain.md §10.2, as BGPalerter documents it. */
    static final String EXAMPLE = """
            165.254.255.0/24:              # key: monitored prefix
              description: Rome peering     # mandatory
              asn: [2914, 3333]             # mandatory: expected origin(s), int or list
              ignoreMorespecifics: false    # mandatory: true = sub-prefixes not monitored
              ignore: false                 # exclude this prefix (e.g. a delegated sub-prefix)
              group: noc1                   # user group receiving alerts
              excludeMonitors: [withdrawal-detection]   # or includeMonitors (monitor names from config.yml)
              path:
                - match: ".*2194,1234$"
                  notMatch: ".*5054.*"
                  matchDescription: detected scrubbing center
                  maxLength: 128
                  minLength: 2
            165.254.255.128/25:
              description: delegated to customer
              asn: 64500
              ignoreMorespecifics: true
              ignore: true
            options:
              monitorASns:
                2914:
                  group: default
                  upstreams: [174, 3356]    # monitorPathNeighbors
                  downstreams: []
            """;

    @Test
    void bgpalerterExample_parsesEveryField() {
        MonitoredResources m = MonitoredResources.parseBgpalerterYaml(new StringReader(EXAMPLE), "prefixes.yml");
        MonitoredPrefix rome = java.util.Objects.requireNonNull(m.exact(Prefix.parse("165.254.255.0/24")));
        assertThat(rome.description()).isEqualTo("Rome peering");
        assertThat(rome.origins()).containsExactly(Asn.of(2914), Asn.of(3333));
        assertThat(rome.group()).isEqualTo("noc1");
        assertThat(rome.excludeMonitors()).containsExactly("withdrawal-detection");
        assertThat(rome.runs("withdrawal-detection")).isFalse();
        assertThat(rome.runs("hijack")).isTrue();
        assertThat(rome.pathRules()).singleElement().satisfies(r -> {
            assertThat(r.description()).isEqualTo("detected scrubbing center");
            assertThat(r.maxLength()).isEqualTo(128);
            assertThat(r.minLength()).isEqualTo(2);
        });
        MonitoredAsn ntt = java.util.Objects.requireNonNull(m.asn(2914));
        assertThat(ntt.checkUpstreams()).isTrue();
        assertThat(ntt.upstreams()).containsExactlyInAnyOrder(Asn.of(174), Asn.of(3356));
        assertThat(ntt.checkDownstreams()).isTrue();
        assertThat(ntt.downstreams()).isEmpty();
    }

    @Test
    void match_mostSpecificRuleWins_andIgnoredSpaceIsUnmonitored() {
        MonitoredResources m = MonitoredResources.parseBgpalerterYaml(new StringReader(EXAMPLE), "prefixes.yml");
        assertThat(java.util.Objects.requireNonNull(m.match(Prefix.parse("165.254.255.0/25")))
                        .prefix())
                .isEqualTo(Prefix.parse("165.254.255.0/24"));
        assertThat(m.match(Prefix.parse("165.254.255.128/25"))).isNull();
        assertThat(m.match(Prefix.parse("165.254.255.192/26"))).isNull();
        assertThat(m.excludes(Prefix.parse("165.254.255.192/26"))).isTrue();
        assertThat(m.match(Prefix.parse("165.254.254.0/24"))).isNull();
        assertThat(m.excludes(Prefix.parse("165.254.254.0/24"))).isFalse();
    }

    @Test
    void pathRule_regexAndLengthBounds_followBgpalerter() {
        PathRule r = java.util.Objects.requireNonNull(
                        MonitoredResources.parseBgpalerterYaml(new StringReader(EXAMPLE), "p.yml")
                                .exact(Prefix.parse("165.254.255.0/24")))
                .pathRules()
                .get(0);
        // Matches the regex but is within 2..128 ASNs: BGPalerter reports only a length violation then.
        assertThat(r.matches(AsPath.parse("3333 2194 1234"))).isFalse();
        assertThat(r.matches(AsPath.parse("1234"))).isFalse(); // too short but regex does not match
        PathRule plain = new PathRule(java.util.regex.Pattern.compile(".*2194,1234$"), null, "", 0, 0);
        assertThat(plain.matches(AsPath.parse("3333 2194 1234"))).isTrue();
        assertThat(plain.matches(AsPath.parse("3333 {2194,1234}"))).isTrue(); // sets flattened
        assertThat(PathRule.pathText(AsPath.parse("1 2 {3,4}"))).isEqualTo("1,2,3,4");
    }

    @Test
    void invalidPrefixKey_errorNamesSourceAndLine() {
        String yaml = """
                193.0.0.0/21:
                  description: ok
                  asn: 3333
                  ignoreMorespecifics: false
                193.0.0.1/21:
                  description: host bits
                  asn: 3333
                  ignoreMorespecifics: false
                """;
        assertThatThrownBy(() -> MonitoredResources.parseBgpalerterYaml(new StringReader(yaml), "prefixes.yml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("prefixes.yml line 5, column 1: key '193.0.0.1/21' is not a prefix");
    }

    @Test
    void missingMandatoryField_isNamed() {
        String yaml = "193.0.0.0/21:\n  description: RIPE\n  ignoreMorespecifics: false\n";
        assertThatThrownBy(() -> MonitoredResources.parseBgpalerterYaml(new StringReader(yaml), "p.yml"))
                .hasMessageContaining("line 1")
                .hasMessageContaining("missing mandatory field 'asn'");
    }

    @Test
    void badAsnAndBadRegex_areReportedWithLine() {
        String asn = "193.0.0.0/21:\n  description: x\n  asn: [3333, ASx]\n  ignoreMorespecifics: false\n";
        assertThatThrownBy(() -> MonitoredResources.parseBgpalerterYaml(new StringReader(asn), "p.yml"))
                .hasMessageStartingWith("p.yml line 3, column 15: invalid ASN 'ASx'");
        String regex = """
                193.0.0.0/21:
                  description: x
                  asn: 3333
                  ignoreMorespecifics: false
                  path:
                    - match: "("
                """;
        assertThatThrownBy(() -> MonitoredResources.parseBgpalerterYaml(new StringReader(regex), "p.yml"))
                .hasMessageContaining("line 6")
                .hasMessageContaining("invalid regular expression '('");
    }

    @Test
    void duplicateKeysAndAliasBombs_areRefused() {
        String dup = """
                193.0.0.0/21:
                  description: a
                  asn: 1
                  ignoreMorespecifics: false
                193.0.0.0/21:
                  description: b
                  asn: 2
                  ignoreMorespecifics: false
                """;
        assertThatThrownBy(() -> MonitoredResources.parseBgpalerterYaml(new StringReader(dup), "p.yml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p.yml");
        StringBuilder bomb = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x]\n");
        for (int i = 0; i < 60; i++) {
            bomb.append("b").append(i).append(": &b").append(i).append(" [*a,*a,*a]\n");
        }
        assertThatThrownBy(() -> MonitoredResources.parseBgpalerterYaml(new StringReader(bomb.toString()), "bomb.yml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bomb.yml");
    }

    @Test
    void emptyDocument_isEmptyResources() {
        assertThat(MonitoredResources.parseBgpalerterYaml(new StringReader(""), "e.yml")
                        .isEmpty())
                .isTrue();
    }

    /** Arbitrary text never escapes as anything but IllegalArgumentException naming the source. */
    @Test
    void anyText_failsCleanlyOrParses() {
        PropertyCheck.forAll(500, g -> {
            String text = g.note("text", g.string(200));
            try {
                MonitoredResources.parseBgpalerterYaml(new StringReader(text), "fuzz.yml");
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).startsWith("fuzz.yml");
            }
        });
    }

    /** YAML-shaped garbage: real keys with random values, some of them plausible so that parsing gets deep. */
    @Test
    void mutatedEntries_failCleanlyOrParse() {
        PropertyCheck.forAll(500, g -> {
            String prefix =
                    g.bool() ? g.string(20) : g.pick("193.0.0.0/21", "2001:db8::/32", "0.0.0.0/0", "1.2.3.4/33");
            String asn = g.bool() ? g.string(20) : g.pick("3333", "AS3333", "4294967296", "[1, 2]", "-1", "");
            String flag = g.bool() ? g.string(10) : g.pick("true", "false", "yes", "TRUE", "");
            String yaml = "'" + prefix.replace("'", "") + "':\n  description: d\n  asn: '" + asn.replace("'", "")
                    + "'\n  ignoreMorespecifics: '" + flag.replace("'", "") + "'\n";
            g.note("yaml", yaml);
            try {
                MonitoredResources.parseBgpalerterYaml(new StringReader(yaml), "m.yml");
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).startsWith("m.yml");
            }
        });
    }
}
