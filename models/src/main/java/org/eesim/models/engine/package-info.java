/** The PyTorch engine's environment: the oneDNN ISA cap our JVMs need, and how they get it. */
package org.eesim.models.engine;
