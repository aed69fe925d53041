package org.reprobench.papers.ef21rarefeatures;

/**
 * Bits one client sends to the server per round (uplink only, as the paper counts).
 *
 * @param valueBits  bits per transmitted float (32, as in the official code)
 * @param indexBits  bits for the position of each Top1 value (ceil(log2 d)); 0 reproduces the code,
 *                   which assumes "we don't need to send indices"
 * @param gdScalars  floats a GD client sends per round: d (dense, as the official code charges) or
 *                   r (only its own features, as the abstract's O(rL/eps) charges)
 */
record BitCost(int valueBits, int indexBits, int gdScalars) {

    static final int FLOAT_BITS = 32;

    /** The accounting: 32-bit floats, Top1 sends its value and its index, GD sends d values. */
    static BitCost withIndex(int d) {
        return new BitCost(FLOAT_BITS, indexBits(d), d);
    }

    /** The official code's accounting: Top1 value only, GD dense. */
    static BitCost codeAccounting(int d) {
        return new BitCost(FLOAT_BITS, 0, d);
    }

    static int indexBits(int d) {
        return d <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(d - 1);
    }

    long ef21Top1PerRound() {
        return valueBits + indexBits;
    }

    long gdPerRound() {
        return (long) valueBits * gdScalars;
    }
}
