package dev.routescope.rpki;

import dev.routescope.model.AsPath;
import dev.routescope.model.Prefix;
import java.util.List;

class VrpSnapshotContractTest extends RovContractTest {
    @Override
    RovState validate(List<Vrp> vrps, Prefix prefix, AsPath path) {
        VrpSnapshot s = VrpSnapshot.of(vrps);
        RovState state = s.validateState(prefix, path);
        // the rich path and the primitive path must agree on every example
        org.assertj.core.api.Assertions.assertThat(s.validate(prefix, path).state())
                .isEqualTo(state);
        return state;
    }
}
