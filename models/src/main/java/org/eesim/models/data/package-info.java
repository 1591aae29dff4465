/**
 * Image data for the models: IDX readers for locally installed MNIST / Fashion-MNIST (never
 * downloaded) and the seeds' blur and noise distortions.
 */
package org.eesim.models.data;
