/**
 * 高耗低效 screening and the closed remediation loop (SPEC §6): configurable screening rules and their pure
 * engine ({@link org.mujun.screening.ScreeningEngine}), the case workflow from candidate to delisting
 * ({@link org.mujun.screening.CaseState}), 一企一方案 plans with milestones, 达标销号 with proof, mergers and
 * the totals that feed the targets.
 */
package org.mujun.screening;
