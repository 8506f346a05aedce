package org.mujun;

import java.util.Set;
import org.mujun.common.Uscc;
import org.mujun.security.MujunUser;
import org.mujun.security.Role;
import org.mujun.security.Users;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A small, known world for role and jurisdiction tests, installed once per database:
 * two towns of 临海市 (331082) and one town of 黄岩区 (331003), one enterprise in each,
 * a parcel each, and one account of every role. Test code must not change these rows;
 * make your own rows for tests that write.
 */
@TestComponent
@Order(50) // after the regions are loaded (RegionLoader is @Order(10))
public class TestFixture implements ApplicationRunner {

    public static final String PASSWORD = "Fixture-Passw0rd!";
    public static final String COUNTY = "331082";          // 临海市
    public static final String TOWN_1 = "331082001";       // 古城街道
    public static final String TOWN_2 = "331082002";       // 大洋街道
    public static final String OTHER_COUNTY = "331003";    // 黄岩区
    public static final String OTHER_TOWN = "331003001";   // 东城街道

    /** Enterprise in TOWN_1, TOWN_2 and OTHER_TOWN. */
    public static final String USCC_1 = withCheck("91331082MA2AAAAA1");
    public static final String USCC_2 = withCheck("91331082MA2BBBBB2");
    public static final String USCC_3 = withCheck("91331003MA2CCCCC3");

    private final JdbcClient jdbc;
    private final Users users;
    private final PasswordEncoder encoder;

    public TestFixture(JdbcClient jdbc, Users users, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.users = users;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        install();
    }

    public static String withCheck(String first17) {
        return first17 + Uscc.checkChar(first17);
    }

    private synchronized void install() {
        if (users.findByUsername("fx-county").isPresent()) {
            return;
        }
        enterprise(USCC_1, "临海测试甲机械有限公司", TOWN_1, "C34", "ABOVE");
        enterprise(USCC_2, "临海测试乙化工有限公司", TOWN_2, "C26", "BELOW");
        enterprise(USCC_3, "黄岩测试丙模具有限公司", OTHER_TOWN, "C35", "ABOVE");
        parcel("FX-331082-0001", USCC_1, TOWN_1, "13333.40");
        parcel("FX-331082-0002", USCC_2, TOWN_2, "4000.02");
        parcel("FX-331003-0001", USCC_3, OTHER_TOWN, "20000.10");
        jdbc.sql("insert into tax_record (uscc, year, total_tax) values (:u, 2024, 400), (:v, 2024, 30), (:w, 2024, 500)")
                .param("u", USCC_1).param("v", USCC_2).param("w", USCC_3).update();
        user("fx-province", Role.PROVINCE_ADMIN, "33", null, Set.of());
        user("fx-city", Role.CITY_ADMIN, "3310", null, Set.of());
        user("fx-county", Role.COUNTY_ADMIN, COUNTY, null, Set.of());
        user("fx-town", Role.TOWN_OFFICER, TOWN_1, null, Set.of());
        user("fx-provider", Role.DATA_PROVIDER, COUNTY, null, Set.of("TAX"));
        user("fx-enterprise", Role.ENTERPRISE, TOWN_1, USCC_1, Set.of());
        user("fx-auditor", Role.AUDITOR, COUNTY, null, Set.of());
        user("fx-security", Role.SECURITY_ADMIN, null, null, Set.of());
        user("fx-other-county", Role.COUNTY_ADMIN, OTHER_COUNTY, null, Set.of());
    }

    private void enterprise(String uscc, String name, String town, String industry, String size) {
        jdbc.sql("insert into enterprise (uscc, name, region_code, industry_code, size_class, registered_on) values (:u, :n, :r, :i, :s, date '2015-03-01')")
                .param("u", uscc).param("n", name).param("r", town).param("i", industry).param("s", size).update();
    }

    private void parcel(String cert, String owner, String town, String m2) {
        jdbc.sql("insert into parcel (certificate_no, owner_uscc, region_code, area_m2, land_use) values (:c, :o, :r, cast(:a as numeric), '工业用地')")
                .param("c", cert).param("o", owner).param("r", town).param("a", m2).update();
    }

    private void user(String name, Role role, String region, String uscc, Set<String> datasets) {
        users.create(new Users.NewUser(name, name, role, region, uscc, datasets, false), encoder.encode(PASSWORD));
    }

    public MujunUser user(String username) {
        return users.findByUsername(username).orElseThrow();
    }

    /** MockMvc post-processor signing the request in as a fixture account. */
    public RequestPostProcessor as(String username) {
        return SecurityMockMvcRequestPostProcessors.user(user(username));
    }

    public long enterpriseId(String uscc) {
        return jdbc.sql("select id from enterprise where uscc = :u").param("u", uscc).query(Long.class).single();
    }
}
