/** Industries (GB/T 4754-2017) and named industry sets (六大高耗能行业, 两高). */
package org.mujun.industry;
