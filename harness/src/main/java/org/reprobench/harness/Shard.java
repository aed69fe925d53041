package org.reprobench.harness;

/**
 * Shard k of n (1-based): a deterministic slice of the selected claims, so n independent
 * processes together run every claim exactly once.
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " is not k/n with 1 <= k <= n");
        }
    }

    public static Shard parse(String text) {
        String[] parts = text.split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("shard '" + text + "' is not of the form k/n, e.g. 2/4");
    }

    /** Whether the i-th claim of the sorted selection (0-based) belongs to this shard. */
    public boolean owns(int position) {
        return position % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
