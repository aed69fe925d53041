package org.reprobench.harness;

import java.util.ArrayList;
import java.util.List;

/** A report as plain blocks, rendered to Markdown and to HTML from the same content. */
final class Document {
    sealed interface Block permits Heading, Table, Text, Image {
    }

    record Heading(int level, String text) implements Block {
    }

    record Table(List<String> header, List<List<String>> rows) implements Block {
    }

    /** A paragraph; a list item when bullet is true. {@code **x**} marks bold in both renderings. */
    record Text(String text, boolean bullet) implements Block {
    }

    record Image(String alt, String path) implements Block {
    }

    private final List<Block> blocks = new ArrayList<>();

    Document heading(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    Document table(List<String> header, List<List<String>> rows) {
        blocks.add(new Table(header, rows));
        return this;
    }

    Document text(String text) {
        blocks.add(new Text(text, false));
        return this;
    }

    Document bullet(String text) {
        blocks.add(new Text(text, true));
        return this;
    }

    Document image(String alt, String path) {
        blocks.add(new Image(alt, path));
        return this;
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        Block previous = null;
        for (Block b : blocks) {
            boolean listContinues = previous instanceof Text p && p.bullet() && b instanceof Text t && t.bullet();
            if (previous != null && !listContinues) {
                sb.append('\n');
            }
            if (b instanceof Heading h) {
                sb.append("#".repeat(h.level())).append(' ').append(h.text()).append('\n');
            } else if (b instanceof Table t) {
                sb.append(mdRow(t.header()));
                sb.append(mdRow(t.header().stream().map(x -> "---").toList()));
                t.rows().forEach(r -> sb.append(mdRow(r)));
            } else if (b instanceof Text t) {
                sb.append(t.bullet() ? "- " : "").append(t.text()).append('\n');
            } else if (b instanceof Image i) {
                sb.append("![").append(i.alt()).append("](").append(i.path()).append(")\n");
            }
            previous = b;
        }
        return sb.toString();
    }

    private static String mdRow(List<String> cells) {
        StringBuilder sb = new StringBuilder("|");
        for (String c : cells) {
            sb.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        return sb.append('\n').toString();
    }

    /** Headings and tables as LaTeX (booktabs); text and images are left to the Markdown/HTML reports. */
    String latex() {
        StringBuilder sb = new StringBuilder("% reprobench tables; needs \\usepackage{booktabs}\n");
        for (Block b : blocks) {
            if (b instanceof Heading h && h.level() > 1) {
                sb.append(h.level() == 2 ? "\\subsection*{" : "\\subsubsection*{").append(tex(h.text())).append("}\n");
            } else if (b instanceof Table t) {
                sb.append("\\begin{tabular}{").append("l".repeat(t.header().size())).append("}\n\\toprule\n");
                sb.append(String.join(" & ", t.header().stream().map(Document::tex).toList())).append(" \\\\\n\\midrule\n");
                for (List<String> r : t.rows()) {
                    sb.append(String.join(" & ", r.stream().map(Document::tex).toList())).append(" \\\\\n");
                }
                sb.append("\\bottomrule\n\\end{tabular}\n\n");
            }
        }
        return sb.toString();
    }

    private static String tex(String s) {
        // backslashes go through a placeholder so the braces of \textbackslash{} are not escaped again
        return s.replace("\\", "\u0000").replaceAll("([&%$#_{}])", "\\\\$1").replace("~", "\\textasciitilde{}")
                .replace("^", "\\textasciicircum{}").replace("±", "$\\pm$").replace("—", "--").replace("×", "$\\times$")
                .replaceAll("\\*\\*(.+?)\\*\\*", "\\\\textbf{$1}").replace("\u0000", "\\textbackslash{}");
    }

    String html(String title) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:1200px;margin:2em auto;padding:0 1em}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}")
                .append("th{background:#f0f0f0}img{max-width:600px;margin:4px}.REPRODUCED{background:#c8f0c8}.CONSISTENT{background:#e0f4d0}")
                .append(".NOT_REPRODUCED{background:#f8d0c0}.SKIPPED{background:#eeeeee}.ERROR{background:#f8a0a0}</style></head><body>\n");
        boolean inList = false;
        for (Block b : blocks) {
            boolean bullet = b instanceof Text t && t.bullet();
            if (inList && !bullet) {
                sb.append("</ul>\n");
                inList = false;
            }
            if (b instanceof Heading h) {
                sb.append("<h").append(h.level()).append('>').append(inline(h.text())).append("</h").append(h.level()).append(">\n");
            } else if (b instanceof Table t) {
                sb.append("<table><tr>");
                t.header().forEach(c -> sb.append("<th>").append(inline(c)).append("</th>"));
                sb.append("</tr>\n");
                for (List<String> r : t.rows()) {
                    sb.append("<tr>");
                    r.forEach(c -> sb.append(c.matches("[A-Z_]+") ? "<td class=\"" + c + "\">" : "<td>").append(inline(c)).append("</td>"));
                    sb.append("</tr>\n");
                }
                sb.append("</table>\n");
            } else if (b instanceof Text t) {
                if (t.bullet() && !inList) {
                    sb.append("<ul>\n");
                    inList = true;
                }
                sb.append(t.bullet() ? "<li>" : "<p>").append(inline(t.text())).append(t.bullet() ? "</li>\n" : "</p>\n");
            } else if (b instanceof Image i) {
                sb.append("<a href=\"").append(esc(i.path())).append("\"><img alt=\"").append(esc(i.alt())).append("\" src=\"")
                        .append(esc(i.path())).append("\"></a>\n");
            }
        }
        if (inList) {
            sb.append("</ul>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    private static String inline(String text) {
        return esc(text).replaceAll("\\*\\*(.+?)\\*\\*", "<b>$1</b>").replaceAll("`(.+?)`", "<code>$1</code>");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
