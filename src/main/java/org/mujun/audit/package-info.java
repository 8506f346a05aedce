/** The append-only, hash-chained audit log of every login and every change (SPEC §11). */
package org.mujun.audit;
