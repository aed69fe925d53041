package org.reprobench.papers.quantumtunnelingwalk;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reprobench.api.Experiment;
import org.reprobench.api.PaperModule;

/** Liu, Su and Li, "On Quantum Speedups for Nonconvex Optimization via Quantum Tunneling Walks", Quantum 7, 1030 (2023). */
public final class QuantumTunnelingWalkPaper implements PaperModule {

    @Override
    public String id() {
        return "quantum-tunneling-walk";
    }

    @Override
    public Map<String, Experiment> experiments() {
        Map<String, Experiment> m = new LinkedHashMap<>();
        m.put("local-ground-state-overlap", InitialStateOverlap::run);
        m.put("matched-s-ex1", MatchedLearningRate.forExample(1));
        m.put("matched-s-ex2", MatchedLearningRate.forExample(2));
        m.put("matched-s-ex3", MatchedLearningRate.forExample(3));
        m.put("qtw-1d-spectral-vs-leapfrog", SpectralVsLeapfrog::run);
        m.put("half-period-cells", HalfPeriods::cells);
        m.put("tunnelling-exponent", HalfPeriods::exponent);
        m.put("sgd-arrhenius", ArrheniusLaw::run);
        m.put("speedup-1d-examples", SpeedupExamples::run);
        m.put("speedup-grows-with-barrier", SpeedupFamilies::higherThinner);
        m.put("no-speedup-wide-barrier", SpeedupFamilies::wider);
        m.put("no-speedup-2d", PlaneComparison::run);
        m.put("sgd-dimension-dependence", DimensionDependence::run);
        return m;
    }
}
