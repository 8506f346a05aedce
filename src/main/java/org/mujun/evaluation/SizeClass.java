package org.mujun.evaluation;

/** 规上 / 规下 (above / below designated size), as in master data. */
public enum SizeClass { ABOVE, BELOW }
