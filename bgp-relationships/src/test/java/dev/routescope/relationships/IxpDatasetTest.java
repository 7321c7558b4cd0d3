package dev.routescope.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IxpDatasetTest {
    @Test
    void load_malformedLines_skippedWithLineNumbers(@TempDir Path dir) throws IOException {
        Path ixs = dir.resolve("ixs.jsonl");
        Files.writeString(ixs, """
                {"ix_id": 1, "name": "IX-ONE", "prefixes": {"ipv4": ["192.0.2.0/24"]}}
                {"ix_id": 2, "name": "IX-TWO"}
                {"name": "no id"}
                not json at all
                [1, 2]
                {"ix_id": 1, "name": "IX-ONE-AGAIN"}
                """, StandardCharsets.UTF_8);
        Path members = dir.resolve("ix-asns.jsonl");
        Files.writeString(members, """
                {"asn": 64500, "ipv4": ["192.0.2.1"], "ipv6": [], "ix_id": 1}
                {"asn": 64501, "ipv4": [], "ipv6": [], "ix_id": 1}
                {"asn": 64501, "ix_id": 2}
                {"asn": 64502, "ix_id": 2}
                {"asn": -5, "ix_id": 2}
                {"asn": 64503}
                {"asn": 64500, "ix_id": 1
                """, StandardCharsets.UTF_8);
        IxpDataset d = IxpDataset.load(ixs, members);
        assertThat(d.ixpCount()).isEqualTo(2);
        assertThat(d.name(1)).isEqualTo("IX-ONE");
        LoadReport ixReport = d.reports().get(0);
        assertThat(ixReport.problems()).extracting(LoadProblem::line).containsExactly(3L, 4L, 5L);
        assertThat(ixReport.problems().get(1).reason()).startsWith("invalid JSON");
        assertThat(ixReport.duplicates()).isEqualTo(1);
        LoadReport memberReport = d.reports().get(1);
        assertThat(memberReport.records()).isEqualTo(4);
        assertThat(memberReport.problems()).extracting(LoadProblem::line).containsExactly(5L, 6L, 7L);
        assertThat(d.members(1)).containsExactly(64500, 64501);
        assertThat(d.ixpsOf(64501)).containsExactly(1, 2);
        assertThat(d.shareIxp(64500, 64501)).isTrue();
        assertThat(d.shareIxp(64500, 64502)).isFalse();
        assertThat(d.memberAsnCount()).isEqualTo(3);
    }
}
