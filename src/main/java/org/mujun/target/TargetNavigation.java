package org.mujun.target;

import java.util.Set;
import org.mujun.common.NavLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The target module's menu entry (under 驾驶舱与一张图 / monitoring). */
@Configuration
class TargetNavigation {

    @Bean
    static NavLink targetsNavLink() {
        return new NavLink(3, "nav.targets", "/targets", Set.of("PROVINCE_ADMIN", "CITY_ADMIN", "COUNTY_ADMIN", "TOWN_OFFICER", "AUDITOR"));
    }
}
