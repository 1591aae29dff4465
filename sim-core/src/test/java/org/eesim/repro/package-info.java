/** The seed papers' experiments reproduced from the shipped scenarios, with their tolerances. */
package org.eesim.repro;
