package org.pmlp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pmlp.ToolFailure;
import org.pmlp.UserError;
import org.pmlp.eda.Tools;
import org.pmlp.util.Files2;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the embedded example (UCI Wine via scikit-learn's bundled CSV, a 13-3-3 MLP) end to end: "
                + "generate, co-simulate, synthesize, report.",
                "On a fresh Debian or Ubuntu machine it installs yosys, verilator and iverilog with apt-get when run as "
                        + "root; otherwise it prints the command to run and exits with code 2."})
final class DemoCommand implements Callable<Integer> {
    static final String EXAMPLE = "examples/wine/";

    @Option(names = {"-o", "--output"}, defaultValue = "runs/demo", paramLabel = "DIR",
            description = "Design folder to write (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--no-install", description = "Never install missing tools; just say what is missing.")
    boolean noInstall;

    @Override
    public Integer call() throws IOException {
        OptionUse.requireFolderTarget("--output", output);
        ensureTools();
        Path dir = Files.createTempDirectory("pmlp-demo-");
        try {
            Path csv = dir.resolve("wine.csv");
            Path model = dir.resolve("model.json");
            Files2.write(csv, Files2.resource(EXAMPLE + "wine.csv"));
            Files2.write(model, Files2.resource(EXAMPLE + "model.json"));
            System.out.println("pmlp demo: UCI Wine (178 samples, 13 features, 3 cultivars), trained 13-3-3 MLP, "
                    + "4-bit inputs, 8-bit weights, EGFET 1.0 V cells");
            List<String> args = new ArrayList<>(List.of("run", "--model", model.toString(), "--train", csv.toString(),
                    "--split", "0.3", "-o", output.toString()));
            return Main.commandLine().execute(args.toArray(new String[0]));
        } finally {
            Files2.deleteTree(dir);
        }
    }

    private void ensureTools() {
        List<String> missing = Tools.missingPackages(Tools.findAll());
        if (missing.isEmpty()) {
            return;
        }
        String cmd = DoctorCommand.installCommand(missing);
        if (noInstall || !isRoot() || !isDebianLike()) {
            throw new UserError("missing tools: " + String.join(", ", missing) + ". Install them with:\n  " + cmd
                    + "\nthen run pmlp demo again.");
        }
        System.out.println("installing " + String.join(" ", missing) + " with apt-get (running as root on "
                + "Debian/Ubuntu)...");
        apt(List.of("apt-get", "update"));
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
        install.addAll(missing);
        apt(install);
        List<String> still = Tools.missingPackages(Tools.findAll());
        if (!still.isEmpty()) {
            throw new ToolFailure("apt-get finished but these are still missing: " + still);
        }
    }

    private static void apt(List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
            pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
            int code = pb.start().waitFor();
            if (code != 0) {
                throw new ToolFailure(String.join(" ", command) + " failed with exit code " + code);
            }
        } catch (IOException e) {
            throw new ToolFailure(String.join(" ", command) + " could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolFailure(String.join(" ", command) + " was interrupted");
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static boolean isDebianLike() {
        try {
            String os = Files.readString(Path.of("/etc/os-release"));
            return os.matches("(?s).*\\bID(_LIKE)?=\"?[^\\n]*\\b(debian|ubuntu)\\b.*");
        } catch (IOException e) {
            return false;
        }
    }

}
