/** Versioned rule settings (SPEC §7, §11: "every number a county may change is data"): one JSON body per kind and region, audited. */
package org.mujun.setting;
