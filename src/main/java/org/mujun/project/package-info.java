/** Projects (项目全周期), 两高 admission, 零增地技改 policy calculators and enterprise commitments (承诺与失信). */
package org.mujun.project;
