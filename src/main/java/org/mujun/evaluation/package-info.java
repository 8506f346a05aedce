/**
 * 亩均效益综合评价 (SPEC §5): schemes as data, the pure evaluation engine (scores, ranks, classes,
 * overrides), explanations, what-if comparison, differentiated measures and region statistics.
 * No Spring, SQL or HTTP here: the database, pages, API and CLI wrap it.
 */
package org.mujun.evaluation;
