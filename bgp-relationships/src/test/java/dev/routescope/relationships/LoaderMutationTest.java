package dev.routescope.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation fuzzing of the as2org and IXP loaders: corrupted input must never throw anything
 * but be skipped and counted, and every line must be accounted for.
 */
class LoaderMutationTest {
    private static final String AS2ORG = """
            # format:org_id|changed|org_name|country|source
            ORG-A|20170128|A Inc.|US|ARIN
            # format:aut|changed|aut_name|org_id|opaque_id|source
            3356|20170128|LEVEL3|ORG-A|e5e3_ARIN|ARIN
            3549|20170128|LVLT|ORG-A|e5e3_ARIN|ARIN
            64500|20171002|EXAMPLE|ORG-B|RIPE
            """;

    private static final String IXS = """
            {"ix_id": 1, "name": "IX-ONE", "prefixes": {"ipv4": ["192.0.2.0/24"], "ipv6": []}}
            {"ix_id": 2, "name": "IX-TWO", "alternatenames": [], "sources": ["pdb"]}
            """;

    private static final String MEMBERS = """
            {"asn": 64500, "ipv4": ["192.0.2.1"], "ipv6": [], "ix_id": 1}
            {"asn": 64501, "ipv4": [], "ipv6": ["2001:db8::1"], "ix_id": 1}
            {"asn": 64501, "ix_id": 2}
            """;

    private static byte[] mutate(SplittableRandom random, byte[] base) {
        byte[] input = base.clone();
        byte[] alphabet = "0123456789|#\n{}[]\":, abc-".getBytes(StandardCharsets.US_ASCII);
        int mutations = 1 + random.nextInt(6);
        for (int m = 0; m < mutations; m++) {
            int pos = random.nextInt(input.length);
            input[pos] =
                    random.nextInt(4) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
        }
        return input;
    }

    @Test
    void as2org_randomlyMutated_neverThrowsAndCountsEveryLine() throws IOException {
        SplittableRandom random = new SplittableRandom(2018);
        byte[] base = AS2ORG.getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 1_000; round++) {
            LoadReport r = As2Org.load(new ByteArrayInputStream(mutate(random, base)), "fuzz", AsGraph.builder());
            assertThat(r.records() + r.skipped()).isLessThanOrEqualTo(r.lines());
        }
    }

    @Test
    void ixpDataset_randomlyMutated_neverThrowsAndCountsEveryLine(@TempDir Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(2019);
        byte[] ixs = IXS.getBytes(StandardCharsets.UTF_8);
        byte[] members = MEMBERS.getBytes(StandardCharsets.UTF_8);
        Path ixsFile = dir.resolve("ixs.jsonl");
        Path membersFile = dir.resolve("members.jsonl");
        for (int round = 0; round < 500; round++) {
            Files.write(ixsFile, mutate(random, ixs));
            Files.write(membersFile, mutate(random, members));
            IxpDataset d = IxpDataset.load(ixsFile, membersFile);
            for (LoadReport r : d.reports()) {
                assertThat(r.records() + r.duplicates() + r.skipped()).isLessThanOrEqualTo(r.lines());
            }
            assertThat((long) d.ixpCount())
                    .isLessThanOrEqualTo(d.reports().get(0).records());
        }
    }
}
