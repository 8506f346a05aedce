/**
 * Dashboards (SPEC §9) for province, city, county and town: the widgets every module contributes through
 * {@link org.mujun.common.DashboardWidget.Provider}, drawn with ECharts, each with its data downloadable.
 */
package org.mujun.dashboard;
