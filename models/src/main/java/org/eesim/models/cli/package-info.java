/** Command line of the models module ({@code mvn -pl models exec:java -Dexec.args="profile ..."}). */
package org.eesim.models.cli;
