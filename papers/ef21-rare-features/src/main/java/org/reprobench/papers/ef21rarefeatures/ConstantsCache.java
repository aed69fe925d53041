package org.reprobench.papers.ef21rarefeatures;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reprobench.api.RunContext;

/** Instances and their constants at the constants size of a profile, shared by the two claims that read them. */
final class ConstantsCache {
    record Instance(RareFeaturesProblem problem, SmoothnessConstants constants) {
    }

    private final Map<String, Instance> instances = new ConcurrentHashMap<>();

    Instance get(RunContext ctx, double cDivN, long seed) {
        ProfileSettings s = ProfileSettings.of(ctx.profile());
        String key = s.constantsN() + "|" + s.constantsD() + "|" + cDivN + "|" + seed;
        Instance inst = instances.get(key);
        if (inst == null) {
            RareFeaturesProblem p = SyntheticGenerator.generate(s.constantsN(), s.constantsD(), s.m(), cDivN, seed);
            inst = new Instance(p, SmoothnessConstants.of(p, ctx.manager()));
            instances.put(key, inst);
        }
        return inst;
    }
}
