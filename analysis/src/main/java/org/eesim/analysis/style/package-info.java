/**
 * The paper look (column widths, serif fonts near a LaTeX body, grayscale-safe markers and
 * dashes, no chart junk) and the exporters to PDF, SVG and PNG.
 */
package org.eesim.analysis.style;
