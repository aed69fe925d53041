package org.reprobench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Markdown report of a fixed run folder must equal the golden file byte for byte. After a
 * deliberate change, regenerate with -Dgolden.update=true and review the diff.
 */
class ReportGoldenTest {
    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ReportGoldenTest.class.getResource("/golden/" + name).toURI());
    }

    @Test
    void markdownMatchesTheGoldenFile() throws Exception {
        String actual = Report.markdown(resource("run"), "");
        assertGolden("report.md", actual);
    }

    @Test
    void plotLinksCanBeRewrittenForAnotherFolder() throws Exception {
        String actual = Report.markdown(resource("run"), "runs/20250101-000000-ci/");
        assertTrue(actual.contains("![accuracy](runs/20250101-000000-ci/plots/demo--accuracy--curve.png)"));
    }

    @Test
    void htmlCarriesTheSameRowsWithVerdictClasses() throws Exception {
        String html = Report.build(resource("run"), "").html("t");
        assertTrue(html.contains("<td class=\"NOT_REPRODUCED\">NOT_REPRODUCED</td>"));
        assertTrue(html.contains("<img alt=\"accuracy\" src=\"plots/demo--accuracy--curve.png\">"));
        assertTrue(html.contains("needs CIFAR-10 | 40 GPU-hours"), "pipes are escaped only in Markdown");
    }

    static void assertGolden(String name, String actual) throws Exception {
        Path golden = Path.of("src/test/resources/golden").resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual);
        }
        assertEquals(Files.readString(resource(name)), actual, "differs from golden/" + name + " (regenerate with -Dgolden.update=true)");
    }
}
