package org.reprobench.harness;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.reprobench.api.Profile;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and validates a paper.yaml. Every problem is reported with file, line and a fix; a file
 * with problems yields no {@link Paper}, and never stops other papers from loading.
 */
public final class PaperYaml {

    /** The parsed paper (null when there were problems) and the problems found. */
    public record Result(Paper paper, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final Set<String> PAPER_KEYS = Set.of("id", "title", "authors", "venue", "arxiv", "code", "claims");
    private static final Set<String> CLAIM_KEYS = Set.of("id", "version", "statement", "source", "metric", "published",
            "check", "profiles", "requires", "seeds", "time_limit_s");
    private static final Set<String> METRIC_KEYS = Set.of("name", "unit", "direction");
    private static final Set<String> PUBLISHED_KEYS = Set.of("value", "uncertainty", "source", "note");
    private static final Set<String> CHECK_KEYS = Set.of("kind", "tolerance", "relative_tolerance", "min", "max",
            "order", "trend", "axes", "side", "seeds_must_pass");
    private static final Set<String> PROFILE_KEYS = Set.of("smoke", "ci", "paper");

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    private PaperYaml(String file) {
        this.file = file;
    }

    public static Result read(Path path) {
        try (Reader r = Files.newBufferedReader(path)) {
            return read(r, path.toString());
        } catch (IOException e) {
            return new Result(null, List.of(new Problem(path.toString(), 0, "cannot read file: " + e.getMessage(),
                    "check that the file exists and is readable")));
        }
    }

    public static Result read(String text, String file) {
        return read(new StringReader(text), file);
    }

    public static Result read(Reader reader, String file) {
        PaperYaml y = new PaperYaml(file);
        Paper paper = null;
        try {
            Node root = new Yaml(new LoaderOptions()).compose(reader);
            if (root == null) {
                y.problem(null, "the file is empty", "start from another paper's paper.yaml");
            } else {
                paper = y.paper(root);
            }
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            y.problems.add(new Problem(file, line, "not valid YAML: " + e.getProblem(),
                    "fix the YAML syntax (indentation, quotes, colons)"));
        } catch (YAMLException e) {
            y.problems.add(new Problem(file, 0, "not valid YAML: " + e.getMessage(), "fix the YAML syntax"));
        }
        return new Result(y.problems.isEmpty() ? paper : null, List.copyOf(y.problems));
    }

    private Paper paper(Node root) {
        Map<String, NodeTuple> m = mapping(root, "the top level", PAPER_KEYS);
        if (m == null) {
            return null;
        }
        String id = requiredText(m, "id", root, "the paper id, e.g. sft-pg");
        if (id != null && !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            problem(m.get("id").getValueNode(), "paper id '" + id + "' is not lower-case words joined by '-'",
                    "use the module folder name, e.g. sft-pg");
        }
        String title = requiredText(m, "title", root, "the paper's title");
        List<String> authors = textList(m.get("authors"), "authors", root);
        String venue = requiredText(m, "venue", root, "e.g. 'ICML 2023' or 'arXiv preprint'");
        String arxiv = requiredText(m, "arxiv", root, "the arXiv id, e.g. 2301.13362");
        String code = requiredText(m, "code", root, "the official code URL, or 'none'");
        List<Claim> claims = new ArrayList<>();
        NodeTuple claimsTuple = m.get("claims");
        if (claimsTuple == null) {
            problem(root, "missing 'claims'", "list the paper's claims under 'claims:'");
        } else if (!(claimsTuple.getValueNode() instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problem(claimsTuple.getValueNode(), "'claims' must be a non-empty list", "write each claim as '- id: ...'");
        } else {
            Set<String> seen = new HashSet<>();
            for (Node c : seq.getValue()) {
                Claim claim = claim(c);
                if (claim != null && !seen.add(claim.id())) {
                    problem(c, "duplicate claim id '" + claim.id() + "'", "give every claim its own id");
                }
                claims.add(claim);
            }
        }
        return new Paper(id, title, authors, venue, arxiv, code, claims, file);
    }

    private Claim claim(Node node) {
        Map<String, NodeTuple> m = mapping(node, "a claim", CLAIM_KEYS);
        if (m == null) {
            return null;
        }
        String id = requiredText(m, "id", node, "a short id, e.g. baseline-reduces-variance");
        if (id != null && !id.matches("[a-z0-9]+([-_.][a-z0-9]+)*")) {
            problem(m.get("id").getValueNode(), "claim id '" + id + "' has characters other than a-z, 0-9, '-', '_', '.'",
                    "use lower-case words joined by '-'");
        }
        String where = "claim '" + id + "'";
        int version = m.containsKey("version") ? (int) number(m.get("version").getValueNode(), "version") : 1;
        String statement = requiredText(m, "statement", node, "one sentence saying what the paper claims");
        String source = requiredText(m, "source", node, "where the paper states it, e.g. 'Table 2' or 'Theorem 1'");
        Metric metric = metric(m.get("metric"), node, where);
        Published published = m.containsKey("published") ? published(m.get("published").getValueNode()) : null;
        Check check = check(m.get("check"), node, published, where);
        Map<Profile, Scale> profiles = new EnumMap<>(Profile.class);
        if (!m.containsKey("profiles")) {
            problem(node, where + " has no 'profiles'", "add e.g. 'profiles: {smoke: reduced, ci: reduced, paper: full}'");
        } else {
            for (Map.Entry<Profile, Node> e : profileMap(m.get("profiles").getValueNode(), "profiles").entrySet()) {
                String s = text(e.getValue(), "profiles." + e.getKey().id());
                if (s == null) {
                    continue;
                }
                try {
                    profiles.put(e.getKey(), Scale.valueOf(s.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException ex) {
                    problem(e.getValue(), "scale '" + s + "' is neither 'full' nor 'reduced'",
                            "'full' when the profile runs the paper's own setting, else 'reduced'");
                }
            }
        }
        String requires = m.containsKey("requires") ? text(m.get("requires").getValueNode(), "requires") : null;
        Map<Profile, Integer> seeds = new EnumMap<>(Profile.class);
        if (m.containsKey("seeds")) {
            profileMap(m.get("seeds").getValueNode(), "seeds").forEach((p, n) -> {
                double v = number(n, "seeds." + p.id());
                if (v < 1 || v != Math.rint(v)) {
                    problem(n, "seeds." + p.id() + " must be a whole number >= 1", "e.g. 3");
                }
                seeds.put(p, (int) v);
            });
        }
        Map<Profile, Duration> limits = new EnumMap<>(Profile.class);
        if (m.containsKey("time_limit_s")) {
            profileMap(m.get("time_limit_s").getValueNode(), "time_limit_s").forEach((p, n) -> {
                double v = number(n, "time_limit_s." + p.id());
                if (!(v > 0)) {
                    problem(n, "time_limit_s." + p.id() + " must be positive", "seconds, e.g. 120");
                }
                limits.put(p, Duration.ofMillis((long) (v * 1000)));
            });
        }
        return new Claim(id, version, statement, source, metric, published, check, profiles, requires, seeds, limits);
    }

    private Metric metric(NodeTuple t, Node parent, String where) {
        if (t == null) {
            problem(parent, where + " has no 'metric'", "add 'metric: {name: ..., unit: ..., direction: higher|lower}'");
            return null;
        }
        Map<String, NodeTuple> m = mapping(t.getValueNode(), "metric", METRIC_KEYS);
        if (m == null) {
            return null;
        }
        String name = requiredText(m, "name", t.getValueNode(), "what is measured");
        String unit = m.containsKey("unit") ? text(m.get("unit").getValueNode(), "unit") : "";
        Direction direction = null;
        if (!m.containsKey("direction")) {
            problem(t.getValueNode(), where + ": metric has no 'direction'",
                    "say whether a larger value is better: 'direction: higher' or 'direction: lower'");
        } else {
            String d = text(m.get("direction").getValueNode(), "direction");
            if ("higher".equals(d)) {
                direction = Direction.HIGHER;
            } else if ("lower".equals(d)) {
                direction = Direction.LOWER;
            } else {
                problem(m.get("direction").getValueNode(), "direction '" + d + "' is neither 'higher' nor 'lower'",
                        "'higher' when a larger value is better, else 'lower'");
            }
        }
        return new Metric(name, unit == null ? "" : unit, direction);
    }

    private Published published(Node node) {
        Map<String, NodeTuple> m = mapping(node, "published", PUBLISHED_KEYS);
        if (m == null) {
            return null;
        }
        if (!m.containsKey("value")) {
            problem(node, "'published' has no 'value'", "give the number the paper prints, or drop 'published'");
            return null;
        }
        double value = number(m.get("value").getValueNode(), "published.value");
        double unc = m.containsKey("uncertainty") ? number(m.get("uncertainty").getValueNode(), "published.uncertainty") : Double.NaN;
        String source = m.containsKey("source") ? text(m.get("source").getValueNode(), "published.source") : null;
        if (source == null || source.isBlank()) {
            problem(node, "published value " + value + " has no 'source'",
                    "say where the paper prints it, e.g. 'source: Table 2, row 3'");
        }
        String note = m.containsKey("note") ? text(m.get("note").getValueNode(), "published.note") : null;
        return new Published(value, unc, source, note);
    }

    private Check check(NodeTuple t, Node parent, Published published, String where) {
        if (t == null) {
            problem(parent, where + " has no 'check'", "add e.g. 'check: {kind: range, max: 4.0}'");
            return null;
        }
        Node node = t.getValueNode();
        Map<String, NodeTuple> m = mapping(node, "check", CHECK_KEYS);
        if (m == null) {
            return null;
        }
        String kindText = requiredText(m, "kind", node, "one of value, range, bound, ordering, monotone, slope");
        if (kindText == null) {
            return null;
        }
        CheckKind kind;
        try {
            kind = CheckKind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(m.get("kind").getValueNode(), "unknown check kind '" + kindText + "'",
                    "use one of value, range, bound, ordering, monotone, slope");
            return null;
        }
        double tol = optNumber(m, "tolerance");
        double relTol = optNumber(m, "relative_tolerance");
        double min = optNumber(m, "min");
        double max = optNumber(m, "max");
        double pass = optNumber(m, "seeds_must_pass");
        if (!Double.isNaN(pass) && !(pass > 0 && pass <= 1)) {
            problem(m.get("seeds_must_pass").getValueNode(), "seeds_must_pass must be in (0, 1]", "e.g. 0.66 for two of three seeds");
        }
        if (!Double.isNaN(tol) && tol < 0 || !Double.isNaN(relTol) && relTol < 0) {
            problem(node, "tolerance must not be negative", "give a tolerance >= 0");
        }
        List<String> order = m.containsKey("order") ? textList(m.get("order"), "order", node) : List.of();
        String trend = m.containsKey("trend") ? text(m.get("trend").getValueNode(), "trend") : null;
        String axes = m.containsKey("axes") ? text(m.get("axes").getValueNode(), "axes") : "log-log";
        String side = m.containsKey("side") ? text(m.get("side").getValueNode(), "side") : "below";
        switch (kind) {
            case VALUE -> {
                if (published == null) {
                    problem(node, where + ": a 'value' check needs a published value", "add 'published: {value: ..., source: ...}'");
                }
                if (!m.containsKey("tolerance") && !m.containsKey("relative_tolerance")) {
                    problem(node, where + ": a 'value' check needs a tolerance", "add 'tolerance:' or 'relative_tolerance:'");
                }
            }
            case RANGE -> {
                if (!m.containsKey("min") && !m.containsKey("max")) {
                    problem(node, where + ": a 'range' check needs 'min' or 'max'", "add e.g. 'max: 4.0'");
                }
            }
            case SLOPE -> {
                if (!m.containsKey("min") || !m.containsKey("max")) {
                    problem(node, where + ": a 'slope' check needs both 'min' and 'max'", "add e.g. 'min: 0.85, max: 1.2'");
                }
                if (!"log-log".equals(axes) && !"linear".equals(axes)) {
                    problem(m.get("axes").getValueNode(), "axes '" + axes + "' is neither 'log-log' nor 'linear'", "use 'log-log' or 'linear'");
                }
            }
            case ORDERING -> {
                if (order.size() < 2) {
                    problem(node, where + ": an 'ordering' check needs 'order' with two or more metric names",
                            "add e.g. 'order: [at_norm, sgd_norm]' (smallest first)");
                }
            }
            case MONOTONE -> {
                if (!"increasing".equals(trend) && !"decreasing".equals(trend)) {
                    problem(node, where + ": a 'monotone' check needs 'trend: increasing' or 'trend: decreasing'",
                            "add the trend the sequence should follow");
                }
            }
            case BOUND -> {
                if (!"below".equals(side) && !"above".equals(side)) {
                    problem(m.get("side").getValueNode(), "side '" + side + "' is neither 'below' nor 'above'",
                            "'below' when the value must not exceed the bound");
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        return new Check(kind, tol, relTol, min, max, order, trend, !"linear".equals(axes), "above".equals(side),
                Double.isNaN(pass) ? 1.0 : pass);
    }

    // ----- node helpers -----

    private Map<String, NodeTuple> mapping(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode mn)) {
            problem(node, what + " must be a mapping of 'key: value' lines", "indent its keys under it");
            return null;
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : mn.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null) {
                problem(t.getKeyNode(), "a key in " + what + " is not plain text", "use simple keys");
            } else if (!allowed.contains(key)) {
                problem(t.getKeyNode(), "unknown key '" + key + "' in " + what,
                        "use one of " + String.join(", ", allowed.stream().sorted().toList()) + " (check the spelling)");
            } else if (out.put(key, t) != null) {
                problem(t.getKeyNode(), "key '" + key + "' appears twice in " + what, "keep one");
            }
        }
        return out;
    }

    private Map<Profile, Node> profileMap(Node node, String what) {
        Map<Profile, Node> out = new EnumMap<>(Profile.class);
        Map<String, NodeTuple> m = mapping(node, what, PROFILE_KEYS);
        if (m != null) {
            m.forEach((k, t) -> out.put(Profile.parse(k), t.getValueNode()));
        }
        return out;
    }

    private String requiredText(Map<String, NodeTuple> m, String key, Node parent, String fix) {
        NodeTuple t = m.get(key);
        if (t == null) {
            problem(parent, "missing '" + key + "'", "add '" + key + ":' (" + fix + ")");
            return null;
        }
        String s = text(t.getValueNode(), key);
        if (s != null && s.isBlank()) {
            problem(t.getValueNode(), "'" + key + "' is empty", fix);
        }
        return s;
    }

    private String text(Node node, String what) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        problem(node, "'" + what + "' must be plain text", "write it on one line, quoted if it has ':'");
        return null;
    }

    private List<String> textList(NodeTuple t, String what, Node parent) {
        if (t == null) {
            problem(parent, "missing '" + what + "'", "add '" + what + ": [..]'");
            return List.of();
        }
        if (!(t.getValueNode() instanceof SequenceNode seq)) {
            problem(t.getValueNode(), "'" + what + "' must be a list", "write it as [a, b] or as '- a' lines");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Node n : seq.getValue()) {
            String s = text(n, what);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private double optNumber(Map<String, NodeTuple> m, String key) {
        return m.containsKey(key) ? number(m.get(key).getValueNode(), key) : Double.NaN;
    }

    private double number(Node node, String what) {
        String s = text(node, what);
        if (s == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            problem(node, "'" + what + "' is not a number: '" + s + "'", "write a plain number such as 0.05 or 1e-3");
            return Double.NaN;
        }
    }

    private void problem(Node node, String message, String fix) {
        int line = node == null ? 1 : node.getStartMark().getLine() + 1;
        problems.add(new Problem(file, line, message, fix));
    }
}
