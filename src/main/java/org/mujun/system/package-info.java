/** Running Mujun: the embedded database default, the command line, first-start setup and the web shell. */
package org.mujun.system;
