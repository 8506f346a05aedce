/** Targets and monitoring (赛马, SPEC §8): targets per region, indicator and year, and their actuals. */
package org.mujun.target;
