/** One map (一图呈现, SPEC §9): county boundaries, zones, parcels and enterprises coloured by status, a choropleth of region statistics, GeoJSON export. */
package org.mujun.map;
