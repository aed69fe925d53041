package org.reprobench.papers.ef21rarefeatures;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ProbeTest {
    @Test
    void probe() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new double[] {3, 0, 0, 0, 4, 0, 0, 0, 1}, new Shape(3, 3));
            System.out.println("norm2 " + a.norm(2, new int[] {0, 1}, false));
            NDArray b = m.randomUniform(0, 1, new Shape(4, 5, 6), DataType.FLOAT64);
            System.out.println("batched " + b.norm(2, new int[] {1, 2}, false));
            NDArray c = m.create(new double[] {1, 3, 3, -1, 2, 3}, new Shape(2, 3));
            System.out.println("argmax " + c.abs().argMax(1) + " onehot " + c.abs().argMax(1).oneHot(3, DataType.FLOAT64));
            System.out.println("engine " + m.getEngine().getEngineName() + " " + m.getEngine().getVersion());
        }
    }
}
