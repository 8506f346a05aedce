package org.mujun.evaluation;

/** Operating status as in master data (enterprise.status); only OPERATING enterprises are evaluated. */
public enum Status { OPERATING, SUSPENDED, CLOSED, MERGED }
