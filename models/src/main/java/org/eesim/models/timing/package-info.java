/**
 * Timing on a shared machine: the load rule every timing run obeys ({@link
 * org.eesim.models.timing.LoadGuard}), and the full-size timing command's pieces.
 */
package org.eesim.models.timing;
