/**
 * eesim-models: early-exit networks built, trained and measured in DJL (PyTorch engine) to make
 * eesim profiles from real data. Sub-packages: data, net, train, profile, cli.
 */
package org.eesim.models;
