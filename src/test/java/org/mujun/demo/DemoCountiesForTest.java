package org.mujun.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Demo counties read straight from the shipped reference data (no database), for unit tests. */
final class DemoCountiesForTest {

    private static Map<String, DemoCounty> all;

    private DemoCountiesForTest() {
    }

    static synchronized List<DemoCounty> of(String... codes) {
        if (all == null) {
            all = load();
        }
        List<DemoCounty> out = new ArrayList<>();
        for (String c : codes) {
            out.add(all.get(c));
        }
        return out;
    }

    private static Map<String, DemoCounty> load() {
        try {
            Map<String, String> names = new HashMap<>();
            Map<String, String> parents = new HashMap<>();
            Map<String, List<DemoCounty.Town>> towns = new HashMap<>();
            try (InputStream in = DemoCountiesForTest.class.getResourceAsStream("/reference-data/regions-zhejiang.csv");
                 Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                    names.put(r.get("code"), r.get("name"));
                    parents.put(r.get("code"), r.get("parent_code"));
                    if (r.get("level").equals("town")) {
                        towns.computeIfAbsent(r.get("parent_code"), k -> new ArrayList<>()).add(new DemoCounty.Town(r.get("code"), r.get("name")));
                    }
                }
            }
            Map<String, DemoCounty> out = new HashMap<>();
            ObjectMapper json = new ObjectMapper();
            try (InputStream in = DemoCountiesForTest.class.getResourceAsStream("/reference-data/zhejiang-counties.geojson")) {
                for (JsonNode f : json.readTree(in).get("features")) {
                    String code = f.get("properties").get("code").asString();
                    if (towns.containsKey(code)) {
                        out.put(code, new DemoCounty(code, names.get(code), names.get(parents.get(code)), towns.get(code),
                                DemoGeometry.parse(json.writeValueAsString(f.get("geometry")))));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
