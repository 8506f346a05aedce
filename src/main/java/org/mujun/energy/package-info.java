/** Energy and carbon accounting: conversion to tce (GB/T 2589-2020) and CO₂ by versioned coefficient tables (SPEC §4). */
package org.mujun.energy;
