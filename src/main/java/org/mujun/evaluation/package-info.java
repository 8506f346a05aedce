/**
 * 亩均效益综合评价 (SPEC §5): schemes as data, the pure evaluation engine (scores, ranks, classes,
 * overrides), explanations, what-if comparison, differentiated measures and region statistics — plain
 * Java with no Spring, SQL or HTTP ({@link org.mujun.evaluation.Evaluation} and the types it reads and
 * returns) — and around it the stored schemes ({@link org.mujun.evaluation.EvaluationSchemes}), the
 * input loader ({@link org.mujun.evaluation.EvaluationInputs}), the stored runs
 * ({@link org.mujun.evaluation.EvaluationRuns}), their pages, REST API and commands.
 */
package org.mujun.evaluation;
