/** Training of early-exit networks (weighted exit loss, Adam) and per-exit temperature scaling. */
package org.eesim.models.train;
