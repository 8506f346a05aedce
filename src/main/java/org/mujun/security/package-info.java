/** Accounts, roles, sign-in, API tokens and jurisdiction (the region-prefix rule of SPEC §1). */
package org.mujun.security;
