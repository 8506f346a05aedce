/**
 * Deterministic demo data (SPEC §2, §3, §12): a believable Zhejiang world of enterprises, zones,
 * parcels, leases and three years of department data, generated from a seed, loaded on first start
 * and by the {@code demo} command.
 */
package org.mujun.demo;
