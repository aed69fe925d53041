package org.reprobench.harness;

import java.util.List;
import java.util.Optional;

/** A paper's citation and claims, from its paper.yaml. */
public record Paper(String id, String title, List<String> authors, String venue, String arxiv,
                    String code, List<Claim> claims, String file) {

    public Optional<Claim> claim(String claimId) {
        return claims.stream().filter(c -> c.id().equals(claimId)).findFirst();
    }
}
