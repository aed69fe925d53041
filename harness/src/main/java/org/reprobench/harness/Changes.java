package org.reprobench.harness;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * results/baseline/changes.yaml: deliberate changes (a claim's setting fixed, a faster
 * implementation) that compare should not report as regressions. An entry applies to baselines
 * promoted before its date, so it stops mattering once a new baseline is promoted.
 *
 * <pre>
 * - key: sft-pg/swiss-roll-improves     # paper/claim, or a benchmark as compare prints it
 *   date: 2026-11-28
 *   reason: "critic learning rate fixed to the paper's value"
 * </pre>
 */
public record Changes(List<Entry> entries) {

    public record Entry(String key, LocalDate date, String reason) {
    }

    public static final Changes NONE = new Changes(List.of());

    public static Changes read(Path file) throws BadInput {
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        List<Entry> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file)) {
            Object root = new Yaml(new LoaderOptions()).load(r);
            if (root == null) {
                return NONE;
            }
            if (!(root instanceof List<?> list)) {
                throw new BadInput(file + ": must be a list of {key, date, reason} entries");
            }
            int i = 0;
            for (Object o : list) {
                i++;
                if (!(o instanceof Map<?, ?> m) || m.get("key") == null || m.get("date") == null || m.get("reason") == null) {
                    throw new BadInput(file + ": entry " + i + " needs key, date (YYYY-MM-DD) and reason");
                }
                Object d = m.get("date");
                // YAML reads an unquoted 2026-11-28 as a timestamp
                LocalDate date = d instanceof java.util.Date t ? t.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate()
                        : LocalDate.parse(d.toString());
                out.add(new Entry(m.get("key").toString(), date, m.get("reason").toString()));
            }
        } catch (IOException | DateTimeParseException | org.yaml.snakeyaml.error.YAMLException e) {
            throw new BadInput(file + ": " + e.getMessage() + " (fix the file or remove the entry)", e);
        }
        return new Changes(List.copyOf(out));
    }

    /** The reason a change to this key is deliberate, if an entry dated after the baseline says so. */
    public String acknowledged(String key, String baselineStartedAt) {
        LocalDate base = baselineStartedAt == null ? LocalDate.MIN : LocalDate.parse(baselineStartedAt.substring(0, 10));
        for (Entry e : entries) {
            if (e.key().equals(key) && !e.date().isBefore(base)) {
                return e.reason();
            }
        }
        return null;
    }
}
