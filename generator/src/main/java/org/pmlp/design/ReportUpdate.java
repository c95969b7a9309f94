package org.pmlp.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.function.Consumer;
import org.pmlp.util.Files2;
import org.pmlp.util.Json;

/**
 * Brings a design folder's report.json and report.md up to date after {@code pmlp simulate}
 * or {@code pmlp synth} measured something again, so the report never shows an earlier run's
 * figures (or none) beside the files that say otherwise. Fields this version does not know are
 * kept as they were in report.json. Each file is replaced atomically.
 */
public final class ReportUpdate {
    private ReportUpdate() {
    }

    /** Reads the folder's report (or starts one from design.json), applies {@code change}, writes both files. */
    public static DesignReport apply(DesignFolder f, Consumer<DesignReport> change) {
        ObjectNode json = read(f);
        DesignReport r = DesignReport.fromJson(json);
        change.accept(r);
        json.setAll(r.toJson());
        Files2.writeAtomically(f.reportJson(), Json.write(json));
        Files2.writeAtomically(f.reportMd(), r.toMarkdown());
        return r;
    }

    private static ObjectNode read(DesignFolder f) {
        if (Files.exists(f.reportJson())) {
            JsonNode n = Json.read(f.reportJson()).node();
            if (n instanceof ObjectNode o) {
                return o;
            }
        }
        // No report yet: what design.json records about the design is the start.
        ObjectNode o = Json.object();
        JsonNode d = Json.read(f.design()).node();
        for (String k : new String[] {"topology", "test_vectors", "labelled_vectors", "accuracy_float",
                "accuracy_golden", "input_port_bits", "rtl_gates", "heap_style", "liberty"}) {
            if (d.has(k)) {
                o.set(k, d.get(k));
            }
        }
        return o;
    }
}
