package org.mujun.project;

import org.mujun.audit.AuditLog;
import org.mujun.setting.VersionedSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The project module's rule parameters as data (两高 admission, 零增地技改), versioned per region in {@code project_setting}. */
@Component
class ProjectSettings extends VersionedSettings {

    static final String LIANGGAO = "LIANGGAO_ADMISSION";
    static final String ZERO_LAND = "ZERO_LAND_TECH";

    ProjectSettings(JdbcClient jdbc, AuditLog audit) {
        super(jdbc, audit, "project_setting", "PROJECT_SETTING_SAVE");
    }
}
