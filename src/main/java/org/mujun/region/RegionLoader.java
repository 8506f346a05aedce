package org.mujun.region;

import org.mujun.common.RegionCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads the shipped Zhejiang regions and county boundaries into an empty database (SPEC §2, §12).
 * Codes in the file are six-digit (330000, 331000, 331082) plus nine-digit towns; they are stored
 * as their significant prefixes (33, 3310, 331082, 331082001) so that jurisdiction is a prefix test.
 */
@Component
@Order(10)
class RegionLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RegionLoader.class);
    static final String REGIONS = "reference-data/regions-zhejiang.csv";
    static final String COUNTIES = "reference-data/zhejiang-counties.geojson";

    private final JdbcClient jdbc;
    private final Regions regions;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    RegionLoader(JdbcClient jdbc, Regions regions, TransactionTemplate tx, ObjectMapper json) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.tx = tx;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (regions.count() > 0) {
            return;
        }
        List<Region> rows = readRegions(new ClassPathResource(REGIONS).getInputStream());
        tx.executeWithoutResult(s -> {
            for (Region r : rows) {
                jdbc.sql("insert into region (code, name, level, parent_code) values (:c, :n, :l, :p)")
                        .param("c", r.code()).param("n", r.name()).param("l", r.level()).param("p", r.parentCode()).update();
            }
            try (InputStream in = new ClassPathResource(COUNTIES).getInputStream()) {
                JsonNode root = json.readTree(in);
                for (JsonNode f : root.get("features")) {
                    String code = RegionCode.ofLoose(f.get("properties").get("code").asString()).value();
                    if (regions.exists(code) || rows.stream().anyMatch(r -> r.code().equals(code))) {
                        jdbc.sql("insert into region_geometry (code, geojson) values (:c, :g)")
                                .param("c", code).param("g", json.writeValueAsString(f.get("geometry"))).update();
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + COUNTIES, e);
            }
        });
        regions.invalidate();
        log.info("Loaded {} regions of Zhejiang and their county boundaries", rows.size());
    }

    static List<Region> readRegions(InputStream in) throws IOException {
        List<Region> out = new ArrayList<>();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                String parent = rec.get("parent_code");
                out.add(new Region(RegionCode.ofLoose(rec.get("code")).value(), rec.get("name"), rec.get("level"),
                        parent == null || parent.isBlank() ? null : RegionCode.ofLoose(parent).value()));
            }
        }
        return out;
    }
}
