package org.mujun.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How the jurisdiction markers become SQL predicates. */
class JurisdictionUnitTest {

    private final Scope county = new Scope("331082", null, true);
    private final Scope enterprise = new Scope("331082001", "91331082MA2AAAAA1X", true);

    @Test
    void scopeMarkerBindsRegionPrefixAndEnterprise() {
        String sql = Jurisdiction.render("select * from enterprise e where SCOPE(e.region_code, e.uscc)", county);
        assertThat(sql).isEqualTo("select * from enterprise e where (e.region_code like :jur_region and "
                + "(cast(:jur_uscc as text) is null or e.uscc = :jur_uscc))");
    }

    @Test
    void regionScopeMarkerBindsOnlyTheRegionPrefix() {
        String sql = Jurisdiction.render("select * from target t where REGION_SCOPE(t.region_code) and t.year = :y", enterprise);
        assertThat(sql).isEqualTo("select * from target t where (t.region_code like :jur_region) and t.year = :y");
        String both = Jurisdiction.render("select * from target t join enterprise e on true where REGION_SCOPE(t.region_code) "
                + "and SCOPE(e.region_code, e.uscc)", county);
        assertThat(both).contains("(t.region_code like :jur_region)").contains("e.uscc = :jur_uscc");
    }

    @Test
    void rolesWithoutBusinessDataSeeNothing() {
        Scope none = new Scope("331082", null, false);
        assertThat(Jurisdiction.render("select 1 from target t where REGION_SCOPE(t.region_code)", none)).endsWith("(false)");
        assertThat(Jurisdiction.render("select 1 from enterprise e where SCOPE(e.region_code, e.uscc)", Scope.NONE)).endsWith("(false)");
    }

    @Test
    void aQueryWithoutAMarkerIsRefused() {
        assertThatThrownBy(() -> Jurisdiction.render("select * from enterprise", county))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SCOPE");
    }
}
