package org.pmlp.explore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pmlp.UserError;
import org.pmlp.util.Json;

/**
 * Everything a search's result depends on, item by item (options as given, input files and the
 * cost model by content), saved with each checkpoint so {@code --resume} refuses a run whose
 * inputs changed and says which ones did.
 */
public final class RunFingerprint {
    private final Map<String, String> items = new LinkedHashMap<>();

    /** Records an option's value ({@code null} is recorded as "(not given)"). */
    public RunFingerprint option(String name, Object value) {
        items.put(name, value == null ? "(not given)" : String.valueOf(value));
        return this;
    }

    /** Records a file by the SHA-256 of its content ({@code null}: not given). */
    public RunFingerprint file(String name, Path file) {
        if (file == null) {
            return option(name, null);
        }
        try {
            return option(name, "sha256 " + sha256(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UserError(file + ": cannot be read: " + e.getMessage());
        }
    }

    /** Records some text (a cost model's coefficients, say) by its SHA-256. */
    public RunFingerprint content(String name, String text) {
        return option(name, "sha256 " + sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    public Map<String, String> items() {
        return java.util.Collections.unmodifiableMap(items);
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        items.forEach(o::put);
        return o;
    }

    static RunFingerprint parse(Json.In in) {
        RunFingerprint f = new RunFingerprint();
        for (String k : in.fieldNames()) {
            f.items.put(k, in.get(k).text());
        }
        return f;
    }

    /** What differs from {@code saved}, one phrase per item, or an empty list. */
    public List<String> differences(RunFingerprint saved) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : items.entrySet()) {
            String before = saved.items.get(e.getKey());
            if (before == null) {
                out.add(e.getKey() + " (not recorded in the checkpoint)");
            } else if (!before.equals(e.getValue())) {
                out.add(e.getKey() + (e.getValue().startsWith("sha256 ") && before.startsWith("sha256 ")
                        ? " (its content changed)" : " (was " + before + ", now " + e.getValue() + ")"));
            }
        }
        for (String k : saved.items.keySet()) {
            if (!items.containsKey(k)) {
                out.add(k + " (no longer part of the run)");
            }
        }
        return out;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
