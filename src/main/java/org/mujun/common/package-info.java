/** Units and small value types shared by every module (亩, tce, 万元). */
package org.mujun.common;
