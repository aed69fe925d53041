package org.reprobench.harness;

import java.time.Duration;
import java.util.Map;
import org.reprobench.api.Profile;

/**
 * One claim of a paper as paper.yaml states it.
 *
 * @param profiles the profiles it runs at and whether each is the paper's own setting
 * @param requires what a profile it does not run at would need (shown in the SKIPPED row)
 * @param seeds number of seeds per profile
 * @param timeLimits wall-clock limit per profile
 */
public record Claim(String id, int version, String statement, String source, Metric metric,
                    Published published, Check check, Map<Profile, Scale> profiles, String requires,
                    Map<Profile, Integer> seeds, Map<Profile, Duration> timeLimits) {

    public int seedCount(Profile p) {
        return seeds.getOrDefault(p, p == Profile.SMOKE ? 1 : 3);
    }

    public Duration timeLimit(Profile p) {
        return timeLimits.getOrDefault(p, switch (p) {
            case SMOKE -> Duration.ofSeconds(60);
            case CI -> Duration.ofMinutes(10);
            case PAPER -> Duration.ofHours(48);
        });
    }
}
