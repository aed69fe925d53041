package org.reprobench.papers.mamlspokenwords;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inner loops and meta-gradients, in float64 on a tiny network: second-order meta-gradients
 * against central finite differences of the adapted query loss, first-order ones against finite
 * differences at the adapted weights, OML's frozen encoder and MAMLCon's template step.
 */
class ContinualLearnerTest {
    private static final CnnShape SHAPE = new CnnShape(2, 2, 3, 4, 39, 50, true);
    private static final TaskPlan PLAN = new TaskPlan(4, 2, 2, 2); // groups [0,2) and [2,4)
    private static final ContinualLearner.Config INNER = new ContinualLearner.Config(2, 1, 0.3);
    private static final int TASKS = 2;
    // small steps: ReLU and the max over time make the loss piecewise smooth, and a larger step
    // crosses kinks of single units (measured: h = 1e-6 is off by 3e-4 relative on a conv bias,
    // h = 1e-7 agrees to 1e-8)
    private static final double H = 1e-7;

    private static SpokenWordBank words;

    @BeforeAll
    static void setUp() {
        Torch.prepareThread();
        words = SpokenWordBank.synthetic(6, 4, 11);
    }

    private static EpisodeTensors episodes(NDManager m) {
        Random r = new Random(2);
        EpisodeBatch b = EpisodeBatch.sample(PLAN, words, List.of(r, r));
        NDArray bank = words.toNDArray(m, 2).toType(DataType.FLOAT64, false);
        return new EpisodeTensors(b, bank, SHAPE, m);
    }

    /** Mean query loss over the tasks after the first-order (plain, unrecorded) inner loop from theta. */
    private static double metaLoss(ContinualLearner learner, Weights theta, EpisodeTensors ep, NDManager m) {
        try (NDManager scope = m.newSubManager()) {
            Weights start = theta.repeatEach(TASKS);
            double[] loss = learner.score(learner.adapt(start, ep, scope), ep, scope).loss();
            return (loss[0] + loss[1]) / 2;
        }
    }

    private static Weights perturbed(Weights w, int slot, int index, double delta, NDManager m) {
        double[][] host = w.toHost();
        host[slot][index] += delta;
        return Weights.fromHost(m, w.shape(), host, w.learners(), DataType.FLOAT64);
    }

    /** A few coordinates of every slot: the first, the middle and the last. */
    private static int[] probes(Weights w, int slot) {
        int n = Math.toIntExact(w.get(slot).size());
        return new int[] {0, n / 2, n - 1};
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-6 + 1e-4 * Math.abs(expected), what);
    }

    @Test
    void secondOrderMetaGradientMatchesFiniteDifferences() {
        for (Method method : List.of(Method.MAMLCON, Method.MAML)) {
            ContinualLearner learner = new ContinualLearner(method, INNER);
            try (NDManager m = NDManager.newBaseManager()) {
                EpisodeTensors ep = episodes(m);
                Weights theta = Weights.initial(m, SHAPE, new long[] {7}, DataType.FLOAT64);
                NDArray[] g = learner.secondOrderMetaGradient(theta, TASKS, ep, m);
                for (int slot = 0; slot < theta.size(); slot++) {
                    double[] grad = g[slot].toDoubleArray();
                    for (int i : probes(theta, slot)) {
                        double up = metaLoss(learner, perturbed(theta, slot, i, H, m), ep, m);
                        double down = metaLoss(learner, perturbed(theta, slot, i, -H, m), ep, m);
                        assertClose((up - down) / (2 * H), grad[i], method + " slot " + slot + " index " + i);
                    }
                }
            }
        }
    }

    @Test
    void firstOrderMetaGradientIsTheQueryGradientAtTheAdaptedWeights() {
        ContinualLearner learner = new ContinualLearner(Method.MAMLCON, INNER);
        try (NDManager m = NDManager.newBaseManager()) {
            EpisodeTensors ep = episodes(m);
            Weights theta = Weights.initial(m, SHAPE, new long[] {7}, DataType.FLOAT64);
            Weights adapted = learner.adapt(theta.repeatEach(TASKS), ep, m);
            NDArray[] perTask = learner.queryGradient(adapted, ep, m).gradients();
            NDArray[] second = learner.secondOrderMetaGradient(theta, TASKS, ep, m);
            double gap = 0;
            double size = 0;
            for (int slot = 0; slot < adapted.size(); slot++) {
                double[] grad = perTask[slot].toDoubleArray();
                int per = grad.length / TASKS;
                for (int i : new int[] {0, per - 1}) {
                    for (int t = 0; t < TASKS; t++) {
                        int at = t * per + i;
                        double up = learner.score(perturbed(adapted, slot, at, H, m), ep, m).loss()[t];
                        double down = learner.score(perturbed(adapted, slot, at, -H, m), ep, m).loss()[t];
                        assertClose((up - down) / (2 * H), grad[at], "slot " + slot + " task " + t + " index " + i);
                    }
                }
                double[] so = second[slot].toDoubleArray();
                for (int i = 0; i < per; i++) {
                    double fo = (grad[i] + grad[per + i]) / 2;
                    gap += Math.pow(fo - so[i], 2);
                    size += so[i] * so[i];
                }
            }
            // the inner loop's curvature matters: first order is an approximation, not the gradient
            assertTrue(Math.sqrt(gap) > 1e-3 * Math.sqrt(size), "first- and second-order meta-gradients should differ");
        }
    }

    @Test
    void omlAdaptsTheHeadsOnlyAndItsHeadGradientsMatchFiniteDifferences() {
        ContinualLearner learner = new ContinualLearner(Method.OML, INNER);
        try (NDManager m = NDManager.newBaseManager()) {
            EpisodeTensors ep = episodes(m);
            Weights theta = Weights.initial(m, SHAPE, new long[] {7}, DataType.FLOAT64);
            Weights start = theta.repeatEach(TASKS);
            Weights adapted = learner.adapt(start, ep, m);
            for (int i = 0; i < start.size(); i++) {
                double[] before = start.get(i).toDoubleArray();
                double[] after = adapted.get(i).toDoubleArray();
                if (start.isHead(i)) {
                    assertTrue(!java.util.Arrays.equals(before, after), "head slot " + i + " adapts");
                } else {
                    assertArrayEquals(before, after, 0, "encoder slot " + i + " is bit-identical after OML's inner loop");
                }
            }
            NDArray[] g = learner.secondOrderMetaGradient(theta, TASKS, ep, m);
            for (int slot = theta.encoderCount(); slot < theta.size(); slot++) {
                double[] grad = g[slot].toDoubleArray();
                for (int i : probes(theta, slot)) {
                    double up = metaLoss(learner, perturbed(theta, slot, i, H, m), ep, m);
                    double down = metaLoss(learner, perturbed(theta, slot, i, -H, m), ep, m);
                    assertClose((up - down) / (2 * H), grad[i], "OML head slot " + slot + " index " + i);
                }
            }
        }
    }

    @Test
    void stagesFollowEachMethod() {
        try (NDManager m = NDManager.newBaseManager()) {
            EpisodeTensors ep = episodes(m);
            List<ContinualLearner.Stage> con = new ContinualLearner(Method.MAMLCON, INNER).stages(ep);
            assertEquals(3, con.size());
            assertEquals(2, con.get(0).heads(), "growing softmax: the first group's heads");
            assertEquals(INNER.initialSteps(), con.get(0).steps());
            assertEquals(4, con.get(1).heads());
            ContinualLearner.Stage template = con.get(2);
            assertEquals(1, template.steps(), "one template step");
            assertEquals(PLAN.classes(), template.x().getShape().get(0), "the template step consumes exactly N examples per task");
            assertEquals(PLAN.classes(), template.heads());
            List<ContinualLearner.Stage> maml = new ContinualLearner(Method.MAML, INNER).stages(ep);
            assertEquals(2, maml.size(), "no template step without MAMLCon");
            List<ContinualLearner.Stage> oml = new ContinualLearner(Method.OML, INNER).stages(ep);
            assertEquals(2, oml.size());
            assertEquals(PLAN.classes(), oml.get(0).heads(), "OML: all heads from the start");
            assertEquals(INNER.steps(), oml.get(0).steps(), "OML: the same steps for every group");
        }
    }
}
