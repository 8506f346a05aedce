package org.mujun.account;

import org.mujun.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mujun.common.Uscc;

/** The role and region rules of SPEC §1 for accounts, with a small made-up world instead of the database. */
class AccountRulesUnitTest {

    static final String USCC = "91331082MA2AAAAA1" + Uscc.checkChar("91331082MA2AAAAA1");
    static final String OTHER_USCC = "91331082MA2XXXXX9" + Uscc.checkChar("91331082MA2XXXXX9");

    /** 浙江 33 › 台州 3310 › 临海 331082 › 古城街道 331082001, and one enterprise in 古城街道. */
    static final AccountRules.Lookup WORLD = new AccountRules.Lookup() {
        final Map<String, String> levels = Map.of("33", "province", "3310", "city", "331082", "county", "331082001", "town");

        @Override
        public Optional<String> regionLevel(String code) {
            return Optional.ofNullable(levels.get(code));
        }

        @Override
        public Optional<String> enterpriseRegion(String uscc) {
            return USCC.equals(uscc) ? Optional.of("331082001") : Optional.empty();
        }
    };

    static AccountRules.Valid check(String role, String region, String uscc, Set<String> datasets) {
        return AccountRules.check(new AccountRules.Draft("张三", role, region, uscc, datasets), WORLD);
    }

    static void refused(String role, String region, String uscc, Set<String> datasets, String expected) {
        assertThatThrownBy(() -> check(role, region, uscc, datasets))
                .isInstanceOf(AccountRules.InvalidAccountException.class).hasMessageContaining(expected);
    }

    @Test
    void adminsNeedARegionOfTheirOwnLevel() {
        assertThat(check("PROVINCE_ADMIN", "33", null, Set.of()).regionCode()).isEqualTo("33");
        assertThat(check("CITY_ADMIN", "3310", null, Set.of()).regionCode()).isEqualTo("3310");
        assertThat(check("COUNTY_ADMIN", " 331082 ", null, Set.of()).regionCode()).isEqualTo("331082");
        refused("PROVINCE_ADMIN", "3310", null, Set.of(), "a PROVINCE_ADMIN needs a 2-digit province code");
        refused("CITY_ADMIN", "33", null, Set.of(), "市级管理员的管辖区域须为4位市级代码");
        refused("COUNTY_ADMIN", "331082001", null, Set.of(), "a COUNTY_ADMIN needs a 6-digit county code");
        refused("COUNTY_ADMIN", null, null, Set.of(), "a COUNTY_ADMIN needs a 6-digit county code");
        refused("COUNTY_ADMIN", "339999", null, Set.of(), "region code 339999 does not exist");
        refused("CITY_ADMIN", "33AB", null, Set.of(), "a CITY_ADMIN needs a 4-digit city code");
    }

    @Test
    void aTownOfficerNeedsANineDigitTown() {
        assertThat(check("TOWN_OFFICER", "331082001", null, Set.of()).role()).isEqualTo(Role.TOWN_OFFICER);
        refused("TOWN_OFFICER", "331082", null, Set.of(), "a TOWN_OFFICER needs a 9-digit town code");
        refused("TOWN_OFFICER", "331082999", null, Set.of(), "区划代码 331082999 不存在");
    }

    @Test
    void anEnterpriseAccountTakesItsEnterprisesTown() {
        AccountRules.Valid v = check("ENTERPRISE", null, USCC.toLowerCase(), Set.of());
        assertThat(v.uscc()).isEqualTo(USCC);
        assertThat(v.regionCode()).isEqualTo("331082001");
        assertThat(check("ENTERPRISE", "331082001", USCC, Set.of()).regionCode()).isEqualTo("331082001");
        refused("ENTERPRISE", null, null, Set.of(), "an ENTERPRISE account needs its enterprise's USCC");
        refused("ENTERPRISE", null, OTHER_USCC, Set.of(), "no enterprise has the USCC " + OTHER_USCC);
        refused("ENTERPRISE", null, "123", Set.of(), "USCC");
        refused("ENTERPRISE", "331082", USCC, Set.of(), "its enterprise's town 331082001");
    }

    @Test
    void aDataProviderNeedsARegionAndADataSet() {
        AccountRules.Valid v = check("DATA_PROVIDER", "331082", null, Set.of("tax", "ENERGY"));
        assertThat(v.datasets()).containsExactly("ENERGY", "TAX");
        assertThat(check("DATA_PROVIDER", "33", null, Set.of("TAX")).regionCode()).isEqualTo("33");
        refused("DATA_PROVIDER", "331082", null, Set.of(), "a DATA_PROVIDER needs at least one data set");
        refused("DATA_PROVIDER", null, null, Set.of("TAX"), "a DATA_PROVIDER needs a region code");
        refused("DATA_PROVIDER", "331082", null, Set.of("WATER"), "unknown data set 'WATER'");
    }

    @Test
    void anAuditorMayHaveAnyRegionLevelAndASecurityAdminNone() {
        for (String region : new String[]{"33", "3310", "331082", "331082001"}) {
            assertThat(check("AUDITOR", region, null, Set.of()).regionCode()).isEqualTo(region);
        }
        refused("AUDITOR", null, null, Set.of(), "an AUDITOR needs a region code (any level)");
        assertThat(check("SECURITY_ADMIN", " ", null, Set.of()).regionCode()).isNull();
        refused("SECURITY_ADMIN", "33", null, Set.of(), "a SECURITY_ADMIN has no region");
    }

    @Test
    void fieldsOfOtherRolesAreRefusedNotSilentlyStored() {
        refused("TOWN_OFFICER", "331082001", USCC, Set.of(), "only ENTERPRISE accounts have a USCC");
        refused("COUNTY_ADMIN", "331082", null, Set.of("TAX"), "only DATA_PROVIDER accounts have data sets");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        assertThatThrownBy(() -> AccountRules.check(new AccountRules.Draft(" ", "TOWN_OFFICER", "3310", USCC, Set.of()), WORLD))
                .isInstanceOfSatisfying(AccountRules.InvalidAccountException.class, e -> assertThat(e.problems()).hasSize(3));
        refused(null, "33", null, Set.of(), "choose a role");
        refused("KING", "33", null, Set.of(), "unknown role 'KING'");
    }

    @Test
    void userNames() {
        assertThat(AccountRules.usernameProblems("zhang.san")).isEmpty();
        assertThat(AccountRules.usernameProblems("tax-bureau_01@linhai")).isEmpty();
        assertThat(AccountRules.usernameProblems("ab")).hasSize(1);
        assertThat(AccountRules.usernameProblems("-abc")).hasSize(1);
        assertThat(AccountRules.usernameProblems("张三丰")).hasSize(1);
        assertThat(AccountRules.usernameProblems("a b c")).hasSize(1);
        assertThat(AccountRules.usernameProblems(null)).hasSize(1);
    }
}
