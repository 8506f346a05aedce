package org.mujun.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mujun.MujunIntegrationTest;
import org.mujun.TestFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

@MujunIntegrationTest
@AutoConfigureMockMvc
class EnterpriseIntegrationTest {

    static final String PREFIX = "列表测试企业";
    static final String EDITED = TestFixture.withCheck("91331082ME1000001");
    static final String CHANGES = TestFixture.withCheck("91331082ME1000002");

    @Autowired MockMvc mvc;
    @Autowired TestFixture fx;
    @Autowired JdbcClient jdbc;
    final ObjectMapper json = new ObjectMapper();

    static String uscc(int i) {
        return TestFixture.withCheck(String.format("91331082ME%07d", i));
    }

    /**
     * 60 enterprises: even i in TOWN_1, odd in TOWN_2; i % 3 == 0 → C26 else C3411; i % 4 == 0 → 规上;
     * i = 7 suspended; i % 10 == 0 flagged 专精特新; i = 1, 2, 3 in the test zone.
     */
    @BeforeEach
    void rows() {
        jdbc.sql("insert into zone (name, kind, region_code) values ('列表测试园区', 'INDUSTRIAL_PARK', :c) on conflict do nothing")
                .param("c", TestFixture.COUNTY).update();
        long zone = zoneId();
        for (int i = 0; i < 60; i++) {
            jdbc.sql("""
                    insert into enterprise (uscc, name, region_code, industry_code, size_class, status, flags, registered_on, zone_id)
                    values (:u, :n, :r, :i, :s, :st, :f, date '2000-01-01' + :d, :z) on conflict (uscc) do nothing""")
                    .param("u", uscc(i)).param("n", PREFIX + String.format("%02d", i) + "号")
                    .param("r", i % 2 == 0 ? TestFixture.TOWN_1 : TestFixture.TOWN_2).param("i", i % 3 == 0 ? "C26" : "C3411")
                    .param("s", i % 4 == 0 ? "ABOVE" : "BELOW").param("st", i == 7 ? "SUSPENDED" : "OPERATING")
                    .param("f", i % 10 == 0 ? new String[]{"专精特新"} : new String[0]).param("d", i)
                    .param("z", i >= 1 && i <= 3 ? zone : null).update();
        }
        jdbc.sql("""
                insert into enterprise (uscc, name, region_code, industry_code, size_class) values
                (:a, '编辑测试企业', :t, 'C34', 'BELOW'), (:b, '变更测试企业', :t, 'C34', 'BELOW') on conflict (uscc) do nothing""")
                .param("a", EDITED).param("b", CHANGES).param("t", TestFixture.TOWN_1).update();
    }

    long zoneId() {
        return jdbc.sql("select id from zone where name = '列表测试园区'").query(Long.class).single();
    }

    Map<?, ?> list(String user, Object... params) throws Exception {
        var req = get("/api/v1/enterprises").with(fx.as(user));
        for (int i = 0; i < params.length; i += 2) {
            req = req.param((String) params[i], String.valueOf(params[i + 1]));
        }
        return json.readValue(mvc.perform(req).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), Map.class);
    }

    static List<String> usccs(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream().map(o -> (String) ((Map<?, ?>) o).get("uscc")).toList();
    }

    @Test
    void searchFiltersAndPagination() throws Exception {
        Map<?, ?> first = list("fx-county", "q", PREFIX);
        assertThat(first.get("total")).isEqualTo(60);
        assertThat(first.get("totalExact")).isEqualTo(true);
        assertThat(first.get("hasNext")).isEqualTo(true);
        assertThat((List<?>) first.get("items")).hasSize(50);
        Map<?, ?> second = list("fx-county", "q", PREFIX, "page", 1);
        assertThat((List<?>) second.get("items")).hasSize(10);
        assertThat(second.get("hasNext")).isEqualTo(false);
        Set<String> all = new HashSet<>(usccs(first));
        all.addAll(usccs(second));
        assertThat(all).hasSize(60);

        // filters: town 2 = odd i (30); C26 = i % 3 == 0 (20); both = odd multiples of 3 (10)
        assertThat(list("fx-county", "q", PREFIX, "region", TestFixture.TOWN_2).get("total")).isEqualTo(30);
        assertThat(list("fx-county", "q", PREFIX, "industry", "C26").get("total")).isEqualTo(20);
        assertThat(list("fx-county", "q", PREFIX, "industry", "C34").get("total")).isEqualTo(40);
        assertThat(list("fx-county", "q", PREFIX, "industry", "C26", "region", TestFixture.TOWN_2).get("total")).isEqualTo(10);
        assertThat(list("fx-county", "q", PREFIX, "sizeClass", "ABOVE").get("total")).isEqualTo(15);
        assertThat(list("fx-county", "q", PREFIX, "sizeClass", "规上").get("total")).isEqualTo(15);
        assertThat(usccs(list("fx-county", "q", PREFIX, "status", "SUSPENDED"))).containsExactly(uscc(7));
        assertThat(usccs(list("fx-county", "zone", zoneId()))).containsExactlyInAnyOrder(uscc(1), uscc(2), uscc(3));
        assertThat(list("fx-county", "q", PREFIX, "flag", "专精特新").get("total")).isEqualTo(6);
        // region prefix at city level (loose six-digit form too) and county level
        assertThat(list("fx-county", "q", PREFIX, "region", "331000").get("total")).isEqualTo(60);
        assertThat(list("fx-county", "q", PREFIX, "region", "331082").get("total")).isEqualTo(60);

        // USCC: exact and prefix (i = 0..9 share the first 16 characters)
        assertThat(usccs(list("fx-county", "q", uscc(5)))).containsExactly(uscc(5));
        assertThat(usccs(list("fx-county", "q", uscc(5).toLowerCase()))).containsExactly(uscc(5));
        assertThat(list("fx-county", "q", "91331082ME000000").get("total")).isEqualTo(10);
        // name substring in the middle of the name; LIKE wildcards in user text match literally
        assertThat(usccs(list("fx-county", "q", "企业42号"))).containsExactly(uscc(42));
        assertThat(list("fx-county", "q", "列表%企业").get("total")).isEqualTo(0);

        // sort
        assertThat(usccs(list("fx-county", "q", PREFIX, "sort", "uscc", "dir", "desc")).get(0)).isEqualTo(uscc(59));
        assertThat(usccs(list("fx-county", "q", PREFIX, "sort", "registered")).get(0)).isEqualTo(uscc(0));
        assertThat(usccs(list("fx-county", "q", PREFIX, "sort", "name", "dir", "desc")).get(0)).isEqualTo(uscc(59));
        mvc.perform(get("/api/v1/enterprises").param("sort", "drop table").with(fx.as("fx-county"))).andExpect(status().isBadRequest());

        // jurisdiction: the town officer sees its town only, the other county none, the enterprise itself only
        assertThat(list("fx-town", "q", PREFIX).get("total")).isEqualTo(30);
        assertThat(list("fx-other-county", "q", PREFIX).get("total")).isEqualTo(0);
        assertThat(list("fx-town", "q", PREFIX, "region", TestFixture.TOWN_2).get("total")).isEqualTo(0);
        assertThat(usccs(list("fx-enterprise"))).containsExactly(TestFixture.USCC_1);
    }

    @Test
    void listPageRendersWithFiltersAndPager() throws Exception {
        mvc.perform(get("/enterprises").param("q", PREFIX).param("industry", "C26").with(fx.as("fx-county")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(PREFIX + "03号")))
                .andExpect(content().string(not(containsString(PREFIX + "01号"))))
                .andExpect(content().string(containsString("共 20 家企业")));
        mvc.perform(get("/enterprises").param("q", PREFIX).with(fx.as("fx-county")))
                .andExpect(content().string(containsString("rel=\"next\"")));
        mvc.perform(get("/enterprises").param("lang", "en").with(fx.as("fx-county")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Name or USCC")));
    }

    @Test
    void exportHoldsTheFilteredListAndEscapesFormulas() throws Exception {
        byte[] xlsx = mvc.perform(get("/enterprises/export").param("q", PREFIX).param("region", TestFixture.TOWN_2).param("industry", "C26")
                        .with(fx.as("fx-county")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = read(xlsx);
        assertThat(rows.get(0).get(0)).isEqualTo("统一社会信用代码");
        assertThat(rows).hasSize(11);
        Set<String> expected = new HashSet<>();
        for (int i = 3; i < 60; i += 6) {
            expected.add(uscc(i));
        }
        assertThat(rows.subList(1, 11).stream().map(r -> r.get(0)).toList()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows.get(1).get(3)).contains("大洋街道");
        assertThat(rows.get(1).get(6)).contains("化学原料");

        String formula = TestFixture.withCheck("91331082ME2000001");
        jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class) values (:u, '=SUM(1)公式测试', :t, 'C34', 'BELOW') on conflict do nothing")
                .param("u", formula).param("t", TestFixture.TOWN_1).update();
        List<List<String>> f = read(mvc.perform(get("/enterprises/export").param("q", "公式测试").with(fx.as("fx-county")))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(f.get(1).get(1)).isEqualTo("'=SUM(1)公式测试");
        // out of jurisdiction: nothing
        assertThat(read(mvc.perform(get("/enterprises/export").param("q", PREFIX).with(fx.as("fx-other-county")))
                .andReturn().getResponse().getContentAsByteArray())).hasSize(1);
    }

    @Test
    void enterprisePageShowsFactsDataPanelsAndMasksTax() throws Exception {
        long e1 = fx.enterpriseId(TestFixture.USCC_1);
        mvc.perform(get("/enterprises/" + e1).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("临海测试甲机械有限公司")))
                .andExpect(content().string(containsString("浙江省 / 台州市 / 临海市 / 古城街道")))
                .andExpect(content().string(containsString("C34 通用设备制造业")))
                .andExpect(content().string(containsString("400.0000")))
                .andExpect(content().string(containsString("id=\"land-panel\"")))
                .andExpect(content().string(containsString("FX-331082-0001")))
                .andExpect(content().string(containsString("id=\"carbon-account-link\"")))
                .andExpect(content().string(containsString("编辑主数据")));
        // town officers may not see tax: *** instead of 400
        mvc.perform(get("/enterprises/" + e1).with(fx.as("fx-town"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("***")))
                .andExpect(content().string(not(containsString("400.0000"))))
                .andExpect(content().string(not(containsString("编辑主数据"))));
        mvc.perform(get("/api/v1/enterprises/" + e1).with(fx.as("fx-town"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.records.taxMasked").value(true))
                .andExpect(jsonPath("$.records.tax[0].year").value(2024))
                .andExpect(jsonPath("$.records.tax[0].totalTax").doesNotExist());
        mvc.perform(get("/api/v1/enterprises/" + e1).with(fx.as("fx-enterprise"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.records.taxMasked").value(false))
                .andExpect(jsonPath("$.records.tax[?(@.year == 2024)].totalTax").value(400.0))
                .andExpect(jsonPath("$.regionPath").value("浙江省 / 台州市 / 临海市 / 古城街道"));
        mvc.perform(get("/api/v1/enterprises/by-uscc/" + TestFixture.USCC_1).with(fx.as("fx-auditor"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.enterprise.id").value(e1));
    }

    @Test
    void valueHistoryIsShownAndTaxValuesMasked() throws Exception {
        long id = fx.enterpriseId(CHANGES);
        long upload = jdbc.sql("""
                insert into upload (dataset, file_name, file_sha256, file_format, source, uploaded_by, uploader_region, status)
                values ('TAX', 'history-test.csv', repeat('0', 64), 'CSV', 'CLI', 'fx-county', :r, 'APPLIED') returning id""")
                .param("r", TestFixture.COUNTY).query(Long.class).single();
        jdbc.sql("""
                insert into data_change (upload_id, dataset, record_key, uscc, field, old_value, new_value, changed_by) values
                (:up, 'TAX', :k, :u, 'total_tax', '123.4567', '765.4321', 'fx-county'),
                (:up, 'STATS', :k, :u, 'revenue', '1000', '1200', 'fx-county')""")
                .param("up", upload).param("k", CHANGES + "/2030").param("u", CHANGES).update();
        mvc.perform(get("/enterprises/" + id).with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("765.4321")))
                .andExpect(content().string(containsString("1200")));
        mvc.perform(get("/enterprises/" + id).with(fx.as("fx-town"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("765.4321"))))
                .andExpect(content().string(not(containsString("123.4567"))))
                .andExpect(content().string(containsString("1200")));
        mvc.perform(get("/api/v1/enterprises/" + id).with(fx.as("fx-town")))
                .andExpect(content().string(not(containsString("765.4321"))));
    }

    @Test
    void outOfJurisdictionIsNotFound() throws Exception {
        long e1 = fx.enterpriseId(TestFixture.USCC_1);
        long e2 = fx.enterpriseId(TestFixture.USCC_2);
        long e3 = fx.enterpriseId(TestFixture.USCC_3);
        mvc.perform(get("/enterprises/" + e3).with(fx.as("fx-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/enterprises/" + e2).with(fx.as("fx-town"))).andExpect(status().isNotFound());
        mvc.perform(get("/enterprises/" + e2).with(fx.as("fx-enterprise"))).andExpect(status().isNotFound());
        mvc.perform(get("/enterprises/" + e1).with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/enterprises/" + e3).with(fx.as("fx-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/enterprises/by-uscc/" + TestFixture.USCC_3).with(fx.as("fx-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/enterprises/by-uscc/not-a-code").with(fx.as("fx-county"))).andExpect(status().isNotFound());
        mvc.perform(get("/enterprises/999999999").with(fx.as("fx-province"))).andExpect(status().isNotFound());
        mvc.perform(get("/enterprises/" + e1 + "/edit").with(fx.as("fx-other-county"))).andExpect(status().isNotFound());
    }

    int version(String uscc) {
        return jdbc.sql("select version from enterprise where uscc = :u").param("u", uscc).query(Integer.class).single();
    }

    long audits(String target) {
        return jdbc.sql("select count(*) from audit_log where action = 'ENTERPRISE_UPDATE' and target = :t")
                .param("t", "enterprise:" + target).query(Long.class).single();
    }

    String body(int version, String industry, String town) throws Exception {
        return json.writeValueAsString(Map.of("name", "编辑测试企业", "regionCode", town, "industryCode", industry, "sizeClass", "ABOVE",
                "status", "OPERATING", "flags", List.of("专精特新", "上市"), "version", version));
    }

    @Test
    void adminEditsWithOptimisticLockingAndAudit() throws Exception {
        long id = fx.enterpriseId(EDITED);
        int v = version(EDITED);
        long audited = audits(EDITED);
        mvc.perform(put("/api/v1/enterprises/" + id).with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body(v, "2611", TestFixture.TOWN_2)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enterprise.industryCode").value("C2611"))
                .andExpect(jsonPath("$.enterprise.regionCode").value(TestFixture.TOWN_2))
                .andExpect(jsonPath("$.enterprise.sizeClass").value("ABOVE"))
                .andExpect(jsonPath("$.enterprise.flags[1]").value("上市"))
                .andExpect(jsonPath("$.enterprise.version").value(v + 1));
        assertThat(audits(EDITED)).isEqualTo(audited + 1);
        String detail = jdbc.sql("select detail from audit_log where target = :t order by id desc limit 1")
                .param("t", "enterprise:" + EDITED).query(String.class).single();
        assertThat(detail).contains("industry: C34 → C2611").contains("size: BELOW → ABOVE");

        // the same stale version again: 409 with a clear message, nothing written
        mvc.perform(put("/api/v1/enterprises/" + id).with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body(v, "C26", TestFixture.TOWN_1)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("记录已被他人修改")));
        assertThat(version(EDITED)).isEqualTo(v + 1);
        assertThat(audits(EDITED)).isEqualTo(audited + 1);

        // bad input: unknown division, town outside jurisdiction, merged without acquirer
        mvc.perform(put("/api/v1/enterprises/" + id).with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body(v + 1, "Z99", TestFixture.TOWN_1)))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/enterprises/" + id).with(fx.as("fx-county")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body(v + 1, "C26", TestFixture.OTHER_TOWN)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("管辖")));
        mvc.perform(put("/api/v1/enterprises/" + id).with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("name", "编辑测试企业", "regionCode", TestFixture.TOWN_1, "industryCode", "C26",
                                "sizeClass", "BELOW", "status", "MERGED", "version", v + 1))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("兼并方")));
        // roles and jurisdiction
        mvc.perform(put("/api/v1/enterprises/" + id).with(fx.as("fx-town")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body(v + 1, "C26", TestFixture.TOWN_1))).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/enterprises/" + id).with(fx.as("fx-auditor")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body(v + 1, "C26", TestFixture.TOWN_1))).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/enterprises/" + id).with(fx.as("fx-other-county")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body(v + 1, "C26", TestFixture.TOWN_1))).andExpect(status().isNotFound());

        // the page: form, save, stale save → 409 page, bad input → back to the form with the message
        mvc.perform(get("/enterprises/" + id + "/edit").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"version\" value=\"" + (v + 1) + "\"")));
        mvc.perform(post("/enterprises/" + id).with(fx.as("fx-county")).with(csrf()).param("version", "" + (v + 1))
                        .param("name", "编辑测试企业（改）").param("regionCode", TestFixture.TOWN_1).param("industryCode", "C34")
                        .param("sizeClass", "BELOW").param("status", "OPERATING").param("flags", "上市").param("otherFlags", "绿色工厂;链主"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select name || '|' || array_to_string(flags, ',') from enterprise where uscc = :u").param("u", EDITED)
                .query(String.class).single()).isEqualTo("编辑测试企业（改）|上市,绿色工厂,链主");
        mvc.perform(post("/enterprises/" + id).with(fx.as("fx-county")).with(csrf()).param("version", "" + v)
                        .param("name", "x").param("regionCode", TestFixture.TOWN_1).param("industryCode", "C34").param("sizeClass", "BELOW"))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("记录已被他人修改")));
        mvc.perform(post("/enterprises/" + id).with(fx.as("fx-county")).with(csrf()).param("version", "" + (v + 2))
                        .param("name", "x").param("regionCode", TestFixture.TOWN_1).param("industryCode", "Q99").param("sizeClass", "BELOW"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("行业")));
        assertThat(audits(EDITED)).isEqualTo(audited + 2);
    }

    @Test
    void provinceAdminKeepsTheUsccOverrideList() throws Exception {
        String valid = TestFixture.withCheck("91331082ME9000001");
        String bad = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        long before = jdbc.sql("select count(*) from audit_log where action like 'USCC_OVERRIDE_%'").query(Long.class).single();
        mvc.perform(post("/api/v1/uscc-overrides").with(fx.as("fx-county")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("uscc", bad, "reason", "试点")))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/uscc-overrides").with(fx.as("fx-province")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("uscc", bad.toLowerCase(), "reason", "2015年试点期间赋码"))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.uscc").value(bad)).andExpect(jsonPath("$.addedBy").value("fx-province"));
        mvc.perform(post("/api/v1/uscc-overrides").with(fx.as("fx-province")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("uscc", bad, "reason", "again")))).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/uscc-overrides").with(fx.as("fx-province")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("uscc", valid, "reason", "no need"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("无需")));
        mvc.perform(post("/api/v1/uscc-overrides").with(fx.as("fx-province")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("uscc", "IOSVZ", "reason", "bad form")))).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/uscc-overrides").with(fx.as("fx-province")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("uscc", bad.substring(0, 17) + "Y", "reason", " ")))).andExpect(status().isBadRequest());
        mvc.perform(get("/uscc-overrides").with(fx.as("fx-auditor"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(bad))).andExpect(content().string(not(containsString("id=\"override-add\""))));
        mvc.perform(get("/api/v1/uscc-overrides").with(fx.as("fx-province"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("2015年试点期间赋码")));
        mvc.perform(delete("/api/v1/uscc-overrides/" + bad).with(fx.as("fx-auditor")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/uscc-overrides/" + bad).with(fx.as("fx-province")).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/uscc-overrides/" + bad).with(fx.as("fx-province")).with(csrf())).andExpect(status().isNotFound());
        // the page form adds and removes too
        mvc.perform(post("/uscc-overrides").with(fx.as("fx-province")).with(csrf()).param("uscc", bad).param("reason", "页面加入"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("added", bad));
        mvc.perform(post("/uscc-overrides").with(fx.as("fx-province")).with(csrf()).param("uscc", valid).param("reason", "x"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("无需")));
        mvc.perform(post("/uscc-overrides/" + bad + "/delete").with(fx.as("fx-province")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from uscc_override where uscc = :u").param("u", bad).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where action like 'USCC_OVERRIDE_%'").query(Long.class).single())
                .isEqualTo(before + 4);
    }

    @Test
    void homeCardCountsEnterprisesInScope() throws Exception {
        mvc.perform(get("/").with(fx.as("fx-other-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/enterprises\"")));
        long county = jdbc.sql("select count(*) from enterprise where region_code like '331082%'").query(Long.class).single();
        mvc.perform(get("/").with(fx.as("fx-county"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(String.format("%,d", county))));
        mvc.perform(get("/").with(fx.as("fx-security"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/enterprises\""))));
    }

    static List<List<String>> read(byte[] xlsx) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row r : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    cells.add(r.getCellText(i));
                }
                out.add(cells);
            }
        }
        return out;
    }
}
