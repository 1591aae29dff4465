/**
 * Measuring a trained early-exit network into an eesim profile: per-layer and per-branch timing
 * at batch 1, calibrated per-exit traces per condition, and the profile writer.
 */
package org.eesim.models.profile;
