package dev.routescope.rpki;

import dev.routescope.model.AsPath;
import dev.routescope.model.Prefix;
import java.util.List;

class NaiveValidatorContractTest extends RovContractTest {
    @Override
    RovState validate(List<Vrp> vrps, Prefix prefix, AsPath path) {
        return new NaiveValidator(vrps).validate(prefix, VrpSnapshot.originOf(path));
    }
}
