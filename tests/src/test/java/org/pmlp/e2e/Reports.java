package org.pmlp.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.pmlp.util.Json;

/** Reads report.json files. */
final class Reports {
    private Reports() {
    }

    static JsonNode read(Path designDir) {
        return Json.read(designDir.resolve("report.json")).node();
    }
}
