/**
 * Quantities written with units at the edge of the program ({@code 18.8 Mbps}, {@code 5 ms},
 * {@code 300 KiB}, {@code 20/s}) and their conversion to the one SI unit the model uses for each
 * kind: seconds, bits per second, bytes, events per second.
 */
package org.eesim.units;
