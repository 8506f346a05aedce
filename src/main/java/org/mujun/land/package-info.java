/** Land parcels and leases (出租/承租) and an enterprise's evaluated land area (用地面积). */
package org.mujun.land;
