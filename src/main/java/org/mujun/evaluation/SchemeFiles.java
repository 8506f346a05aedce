package org.mujun.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Export and import of a scheme as JSON or YAML (SPEC §5: "exported/imported as a JSON/YAML file"). Reading is
 * strict: an unknown field, a value of the wrong type or an unknown enum name is refused with a
 * {@link SchemeFormatException} naming the field path and line. Reading does not validate the content:
 * call {@link SchemeValidation#validate} next.
 */
public final class SchemeFiles {

    public enum Format { JSON, YAML }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(MapperFeature.INFER_RECORD_GETTERS_FROM_COMPONENTS_ONLY, MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(MapperFeature.INFER_RECORD_GETTERS_FROM_COMPONENTS_ONLY, MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    /** A file that is not a scheme; the message is bilingual and names the field and line. */
    public static final class SchemeFormatException extends IllegalArgumentException {
        private final String path;
        private final int line;
        private final int column;

        SchemeFormatException(String message, String path, int line, int column, Throwable cause) {
            super(message, cause);
            this.path = path;
            this.line = line;
            this.column = column;
        }

        /** Field path such as populations[0].indicators[2].weight, or "" for the whole file. */
        public String path() {
            return path;
        }

        /** 1-based line, or −1 when unknown. */
        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    private SchemeFiles() {
    }

    public static String write(Scheme scheme, Format format) {
        return mapper(format).writeValueAsString(scheme);
    }

    public static String toJson(Scheme scheme) {
        return write(scheme, Format.JSON);
    }

    public static String toYaml(Scheme scheme) {
        return write(scheme, Format.YAML);
    }

    public static Scheme fromJson(String text) {
        return read(text, Format.JSON);
    }

    public static Scheme fromYaml(String text) {
        return read(text, Format.YAML);
    }

    /** Format by file name: .json is JSON, .yaml/.yml YAML. */
    public static Format formatOf(String fileName) {
        String f = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (f.endsWith(".json")) {
            return Format.JSON;
        }
        if (f.endsWith(".yaml") || f.endsWith(".yml")) {
            return Format.YAML;
        }
        throw new IllegalArgumentException("方案文件须为 .json、.yaml 或 .yml / a scheme file must be .json, .yaml or .yml");
    }

    public static Scheme read(String text, Format format) {
        if (text == null || text.isBlank()) {
            throw new SchemeFormatException("方案文件为空 / the scheme file is empty", "", -1, -1, null);
        }
        Scheme s;
        try {
            s = mapper(format).readValue(text, Scheme.class);
        } catch (JacksonException e) {
            throw translate(e, text, format);
        }
        if (s == null) {
            throw new SchemeFormatException("方案文件为空 / the scheme file is empty", "", -1, -1, null);
        }
        return s;
    }

    private static ObjectMapper mapper(Format f) {
        return f == Format.JSON ? JSON : YAML;
    }

    static SchemeFormatException translate(JacksonException e, String text, Format format) {
        String path = path(e.getPath());
        TokenStreamLocation loc = e.getLocation();
        if (!e.getPath().isEmpty()) {
            // records are bound through their constructor, so Jackson reports some problems at the end of
            // the object: find the line of the field itself
            TokenStreamLocation at = locate(text, format, e.getPath());
            loc = at == null ? loc : at;
        }
        int line = loc == null ? -1 : loc.getLineNr();
        int col = loc == null ? -1 : loc.getColumnNr();
        String where = line > 0 ? "（第" + line + "行第" + col + "列）" : "";
        String whereEn = line > 0 ? " (line " + line + ", column " + col + ")" : "";
        String zh;
        String en;
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : String.join(", ", u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
            zh = "未知字段“" + u.getPropertyName() + "”" + at(path) + where + "，可用字段：" + known;
            en = "unknown field \"" + u.getPropertyName() + "\"" + atEn(path) + whereEn + "; known fields: " + known;
        } else if (e instanceof InvalidFormatException f) {
            String expected = expected(f.getTargetType());
            zh = "字段 " + path + " 的值“" + f.getValue() + "”无效" + where + "，应为" + expected;
            en = "field " + path + ": invalid value \"" + f.getValue() + "\"" + whereEn + ", expected " + expected;
        } else if (e instanceof MismatchedInputException m) {
            String expected = expected(m.getTargetType());
            zh = "字段 " + path + " 类型错误" + where + "，应为" + expected;
            en = "field " + path + " has the wrong type" + whereEn + ", expected " + expected;
        } else if (e instanceof StreamReadException) {
            zh = "文件格式错误" + where + "：" + e.getOriginalMessage();
            en = "malformed file" + whereEn + ": " + e.getOriginalMessage();
        } else {
            zh = "无法读取方案" + where;
            en = "cannot read the scheme" + whereEn + ": " + e.getOriginalMessage();
        }
        return new SchemeFormatException(zh + " / " + en, path, line, col, e);
    }

    /** Where the property (or array element) at this path starts, by streaming the text once more. */
    private static TokenStreamLocation locate(String text, Format format, List<JacksonException.Reference> refs) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference r : refs) {
            String seg = r.getPropertyName() != null ? r.getPropertyName() : r.getIndex() >= 0 ? String.valueOf(r.getIndex()) : null;
            if (seg == null) {
                return null;
            }
            pointer.append('/').append(seg.replace("~", "~0").replace("/", "~1"));
        }
        String target = pointer.toString();
        try (tools.jackson.core.JsonParser p = mapper(format).createParser(text)) {
            tools.jackson.core.JsonToken t;
            while ((t = p.nextToken()) != null) {
                if ((t == tools.jackson.core.JsonToken.PROPERTY_NAME || t.isScalarValue() || t.isStructStart())
                        && target.equals(p.streamReadContext().pathAsPointer().toString())) {
                    return p.currentTokenLocation();
                }
            }
        } catch (JacksonException ignored) {
            // the file breaks before the field: keep Jackson's location
        }
        return null;
    }

    private static String at(String path) {
        return path.isEmpty() ? "" : "（位于 " + path + "）";
    }

    private static String atEn(String path) {
        return path.isEmpty() ? "" : " at " + path;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "?";
        }
        if (type.isEnum()) {
            return String.join(" | ", java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        }
        if (type == double.class || type == Double.class || type == int.class || type == Integer.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true | false";
        }
        if (type == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "list";
        }
        return "object " + type.getSimpleName();
    }

    private static String path(List<JacksonException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JacksonException.Reference r : refs) {
            if (r.getPropertyName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }
}
