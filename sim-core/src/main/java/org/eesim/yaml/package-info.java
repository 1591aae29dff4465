/**
 * Reading hand-written YAML so that every mistake is reported at once, with its file, line,
 * column and key path: {@link org.eesim.yaml.YamlTree} parses a file into located
 * {@link org.eesim.yaml.YamlNode}s, {@link org.eesim.yaml.Fields} and {@link org.eesim.yaml.Values}
 * read typed values from them while collecting {@link org.eesim.yaml.Problem}s instead of
 * throwing, and {@link org.eesim.yaml.ProblemsException} carries the whole list to the user.
 * The scenario and profile readers are built on this; the model never sees a YAML node.
 */
package org.eesim.yaml;
