package org.eesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.eesim.profile.CsvImport;
import org.eesim.profile.Profile;
import org.eesim.yaml.ProblemsException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eesim import-profile LAYERS.csv --exits EXITS.csv --out profiles/NAME}: a profile from CSV files. */
@Command(name = "import-profile", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Write a profile folder (profile.yaml + README.md) from a layers CSV and an exits CSV;"
        + " the format is in docs/scenario-reference.md, 'Importing a profile from CSV'.")
final class ImportProfileCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LAYERS.csv", description = "one row per input, layer and branch")
    Path layers;

    @Option(names = "--exits", required = true, paramLabel = "EXITS.csv",
            description = "exit data per condition, threshold and exit (share or conditional, accuracy optional)")
    Path exits;

    @Option(names = "--out", required = true, paramLabel = "FOLDER", description = "the profile folder to write")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "the profile's name (default: the folder's name)")
    String name;

    @Option(names = "--force", description = "replace FOLDER if it exists")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path folder = this.out.toAbsolutePath().normalize().getFileName();
        String n = name != null ? name : folder == null ? "profile" : folder.toString();
        String command = "eesim import-profile " + layers + " --exits " + exits + " --out " + this.out
                + (name == null ? "" : " --name " + name);
        try {
            Profile p = CsvImport.run(layers, exits, n, this.out, force, command);
            out.printf("%s: written (profile %s: %s, %s, conditions %s)%n", this.out, p.name(),
                    Main.count(p.layers().size(), "layer"), Main.count(p.exitCount(), "exit"),
                    String.join(", ", p.conditions().keySet()));
            out.flush();
            return 0;
        } catch (ProblemsException e) {
            for (var problem : e.problems()) {
                err.println(problem);
            }
            err.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
                    + "; nothing was written.");
            err.flush();
            return Main.USER_ERROR;
        }
    }
}
