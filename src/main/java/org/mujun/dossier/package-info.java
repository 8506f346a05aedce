/** The enterprise dossier (一企一档, SPEC §7): one printable page with everything about one enterprise across years. */
package org.mujun.dossier;
