/** Statistics across replications: means and Student-t confidence intervals. */
package org.eesim.stats;
