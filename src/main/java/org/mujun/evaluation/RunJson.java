package org.mujun.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** JSON of what a run stores in jsonb columns (population summaries, adjustments, overrides, sources, timings). */
final class RunJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.INFER_RECORD_GETTERS_FROM_COMPONENTS_ONLY)
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private static final TypeReference<List<EvaluationResult.PopulationSummary>> SUMMARIES = new TypeReference<>() {
    };
    private static final TypeReference<List<EvaluationResult.AdjustmentScore>> ADJUSTMENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<EvaluationResult.Override>> OVERRIDES = new TypeReference<>() {
    };

    private RunJson() {
    }

    static String write(Object o) {
        return MAPPER.writeValueAsString(o);
    }

    static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    static List<EvaluationResult.PopulationSummary> summaries(String json) {
        return MAPPER.readValue(json, SUMMARIES);
    }

    static List<EvaluationResult.AdjustmentScore> adjustments(String json) {
        return json == null ? List.of() : MAPPER.readValue(json, ADJUSTMENTS);
    }

    static List<EvaluationResult.Override> overrides(String json) {
        return json == null ? List.of() : MAPPER.readValue(json, OVERRIDES);
    }
}
