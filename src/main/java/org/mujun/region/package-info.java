/** Administrative regions (GB/T 2260) and zones (开发区, 园区, 小微企业园): the jurisdiction tree. */
package org.mujun.region;
