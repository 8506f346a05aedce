/** Account administration by the security admin (三员分立, SPEC §1, §11): users, roles, regions, passwords, lockouts. */
package org.mujun.account;
