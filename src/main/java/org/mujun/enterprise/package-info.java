/** Enterprises (企业) and their 统一社会信用代码: master data, search and the enterprise page. */
package org.mujun.enterprise;
