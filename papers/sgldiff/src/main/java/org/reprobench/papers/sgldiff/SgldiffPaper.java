package org.reprobench.papers.sgldiff;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reprobench.api.Experiment;
import org.reprobench.api.PaperModule;

/** Jin, Liu & Latz, "Subsampling Error in Stochastic Gradient Langevin Diffusions" (AISTATS 2024). */
public final class SgldiffPaper implements PaperModule {
    @Override
    public String id() {
        return "sgldiff";
    }

    @Override
    public Map<String, Experiment> experiments() {
        Map<String, Experiment> m = new LinkedHashMap<>();
        m.put("fractional-power-bound", new FractionalPowerBound());
        m.put("exponent-dimension-free", new DimensionFreeExponent());
        m.put("exponential-ergodicity", new ExponentialErgodicity());
        m.put("limit-covariance", new LimitCovariance());
        m.put("sgld-vs-sgldiff", new SgldVersusSgldiff());
        return m;
    }
}
