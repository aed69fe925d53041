package org.reprobench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.reprobench.api.Experiment;
import org.reprobench.api.PaperModule;

/**
 * The papers on the classpath: every {@link PaperModule} found by ServiceLoader, with its
 * paper.yaml. A paper whose yaml or module is broken is kept with its problems, so the others
 * still load and run.
 */
public final class Registry {

    /** A registered paper: its module, its parsed yaml (null if broken) and what is wrong. */
    public record Entry(String id, PaperModule module, Paper paper, List<Problem> problems) {
        public boolean ok() {
            return paper != null && problems.isEmpty();
        }
    }

    private final Map<String, Entry> entries = new TreeMap<>();
    private final List<Problem> loadProblems = new ArrayList<>();

    public static String resourcePath(String paperId) {
        return "reprobench/papers/" + paperId + "/paper.yaml";
    }

    public static Registry load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    public static Registry load(ClassLoader loader) {
        Registry r = new Registry();
        Iterator<PaperModule> it = ServiceLoader.load(PaperModule.class, loader).iterator();
        while (true) {
            PaperModule module;
            try {
                if (!it.hasNext()) {
                    break;
                }
                module = it.next();
            } catch (ServiceConfigurationError e) {
                r.loadProblems.add(new Problem("META-INF/services/" + PaperModule.class.getName(), 0,
                        "a paper module could not be loaded: " + e.getMessage(),
                        "check the class name in the services file and that it has a public no-argument constructor"));
                continue;
            }
            r.add(module);
        }
        return r;
    }

    private void add(PaperModule module) {
        String id = module.id();
        String resource = resourcePath(id);
        List<Problem> problems = new ArrayList<>();
        Paper paper = null;
        try (InputStream in = module.getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                problems.add(new Problem(resource, 0, "paper module " + module.getClass().getName() + " has no paper.yaml on the classpath",
                        "put paper.yaml at papers/" + id + "/paper.yaml and inherit the papers parent pom, which packages it"));
            } else {
                PaperYaml.Result res = PaperYaml.read(new InputStreamReader(in, StandardCharsets.UTF_8), "papers/" + id + "/paper.yaml");
                problems.addAll(res.problems());
                paper = res.paper();
            }
        } catch (IOException e) {
            problems.add(new Problem(resource, 0, "cannot read: " + e.getMessage(), "rebuild the module"));
        }
        if (paper != null) {
            problems.addAll(crossCheck(paper, module));
        }
        if (entries.containsKey(id)) {
            problems.add(new Problem(resource, 0, "two paper modules claim the id '" + id + "'", "give each module its own id"));
        }
        entries.put(id, new Entry(id, module, problems.isEmpty() ? paper : null, List.copyOf(problems)));
    }

    /** paper.yaml and the module must agree: same id, an experiment for each claim and no other. */
    static List<Problem> crossCheck(Paper paper, PaperModule module) {
        List<Problem> problems = new ArrayList<>();
        if (!paper.id().equals(module.id())) {
            problems.add(new Problem(paper.file(), 1, "paper.yaml id '" + paper.id() + "' differs from the module id '" + module.id() + "'",
                    "make them equal (the module folder name)"));
        }
        Map<String, Experiment> experiments;
        try {
            experiments = module.experiments();
        } catch (RuntimeException e) {
            problems.add(new Problem(paper.file(), 0, "the module's experiments() threw " + e, "fix " + module.getClass().getName()));
            return problems;
        }
        for (Claim c : paper.claims()) {
            if (!experiments.containsKey(c.id())) {
                problems.add(new Problem(paper.file(), 0, "claim '" + c.id() + "' has no experiment in " + module.getClass().getName(),
                        "add it to experiments(), or remove the claim"));
            }
        }
        for (String k : experiments.keySet()) {
            if (paper.claim(k).isEmpty()) {
                problems.add(new Problem(paper.file(), 0, "experiment '" + k + "' matches no claim in paper.yaml",
                        "add the claim to paper.yaml, or fix the key"));
            }
        }
        return problems;
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public Entry get(String id) {
        return entries.get(id);
    }

    public List<Problem> loadProblems() {
        return List.copyOf(loadProblems);
    }
}
