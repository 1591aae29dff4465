/**
 * The scenario: the typed, validated tree of records the model runs from, the reader that builds
 * it from a YAML file (reporting every problem with its file, line and key), and the writer of
 * the resolved scenario.
 */
package org.eesim.scenario;
