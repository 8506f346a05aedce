/** Land: parcels and leases, evaluated land (用地面积), 标准地 contracts with their 达产复核, and the 闲置土地 check. */
package org.mujun.land;
