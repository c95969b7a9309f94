package org.pmlp.util;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.pmlp.UserError;

/** The project's one JSON mapper, and path-aware reading that names the field in its errors. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Pretty JSON text with a final newline; deterministic for the same tree. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a file; syntax errors name the file, line and column. */
    public static In read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot be read: " + e.getMessage());
        }
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new UserError(file + ": is empty, expected a JSON object");
            }
            return new In(file.toString(), "", root);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            String why = e.getOriginalMessage();
            if (why.startsWith("Non-standard token")) {
                // Python's json writes NaN/Infinity for non-finite floats; say that, not Jackson's option name.
                why = why.replaceAll(":.*", "") + " is not a JSON number (non-finite values, e.g. NaN weights, cannot be used)";
            }
            throw new UserError(file + where + ": not valid JSON: " + why);
        }
    }

    public static In of(String source, JsonNode node) {
        return new In(source, "", node);
    }

    /** A node with the path that led to it, so every error says where. */
    public static final class In {
        private final String source;
        private final String path;
        private final JsonNode node;

        In(String source, String path, JsonNode node) {
            this.source = source;
            this.path = path;
            this.node = node;
        }

        public JsonNode node() {
            return node;
        }

        public String path() {
            return path.isEmpty() ? "(top level)" : path;
        }

        public UserError error(String expected) {
            return new UserError(source + ": " + path() + ": " + expected);
        }

        public boolean has(String field) {
            return node.has(field) && !node.get(field).isNull();
        }

        public In get(String field) {
            if (!node.isObject()) {
                throw error("expected a JSON object");
            }
            JsonNode child = node.get(field);
            if (child == null || child.isNull()) {
                throw new UserError(source + ": " + child(field) + ": missing, expected " + "a value");
            }
            return new In(source, child(field), child);
        }

        /** The field, or null when absent. */
        public In opt(String field) {
            return has(field) ? get(field) : null;
        }

        public In at(int index) {
            return new In(source, path + "[" + index + "]", node.get(index));
        }

        private String child(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        public List<String> fieldNames() {
            if (!node.isObject()) {
                throw error("expected a JSON object");
            }
            List<String> names = new ArrayList<>();
            Iterator<String> it = node.fieldNames();
            it.forEachRemaining(names::add);
            return names;
        }

        /** Rejects fields outside the given set (typos would otherwise be silently ignored). */
        public In onlyFields(String... allowed) {
            List<String> ok = List.of(allowed);
            for (String f : fieldNames()) {
                if (!ok.contains(f)) {
                    throw new UserError(source + ": " + child(f) + ": unknown field; expected one of " + ok);
                }
            }
            return this;
        }

        public int size() {
            if (!node.isArray()) {
                throw error("expected an array");
            }
            return node.size();
        }

        public List<In> items() {
            int n = size();
            List<In> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(at(i));
            }
            return out;
        }

        public String text() {
            if (!node.isTextual()) {
                throw error("expected a string, got " + describe(node));
            }
            return node.asText();
        }

        /** A string, or a number written as its decimal text. */
        public String textOrNumber() {
            if (node.isTextual() || node.isNumber()) {
                return node.asText();
            }
            throw error("expected a string or number, got " + describe(node));
        }

        public double number() {
            if (!node.isNumber()) {
                throw error("expected a number, got " + describe(node));
            }
            double v = node.asDouble();
            if (!Double.isFinite(v)) {
                throw error("expected a finite number, got " + node.asText());
            }
            return v;
        }

        public int integer() {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw error("expected an integer, got " + describe(node));
            }
            return node.asInt();
        }

        public int integer(int min, int max) {
            int v = integer();
            if (v < min || v > max) {
                throw error("expected an integer in [" + min + ", " + max + "], got " + v);
            }
            return v;
        }

        public boolean bool() {
            if (!node.isBoolean()) {
                throw error("expected true or false, got " + describe(node));
            }
            return node.asBoolean();
        }

        public double[] numbers(int expected) {
            int n = size();
            if (expected >= 0 && n != expected) {
                throw error("expected " + expected + " numbers, got " + n);
            }
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = at(i).number();
            }
            return out;
        }

        public int[] integers(int expected, int min, int max) {
            int n = size();
            if (expected >= 0 && n != expected) {
                throw error("expected " + expected + " integers, got " + n);
            }
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = at(i).integer(min, max);
            }
            return out;
        }

        public List<String> strings() {
            List<String> out = new ArrayList<>();
            for (In item : items()) {
                out.add(item.textOrNumber());
            }
            return out;
        }

        private static String describe(JsonNode n) {
            if (n == null || n.isMissingNode()) {
                return "nothing";
            }
            String t = n.getNodeType().toString().toLowerCase();
            String v = n.toString();
            return t + " " + (v.length() > 40 ? v.substring(0, 40) + "..." : v);
        }
    }
}
