package org.mujun.land;

import org.mujun.audit.AuditLog;
import org.mujun.setting.VersionedSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The land module's rule parameters as data (the 闲置土地 rules), versioned per region in {@code land_setting}. */
@Component
class LandSettings extends VersionedSettings {

    static final String IDLE_LAND = "IDLE_LAND";

    LandSettings(JdbcClient jdbc, AuditLog audit) {
        super(jdbc, audit, "land_setting", "LAND_SETTING_SAVE");
    }
}
