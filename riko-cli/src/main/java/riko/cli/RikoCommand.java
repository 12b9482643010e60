package riko.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code riko} command line: {@code riko run PIPELINE.json}, {@code riko modules}. (The
 * {@code bin/riko demo} its usage mentions is handled by {@code bin/riko}, which runs riko-examples'
 * own jar.)
 * Exit status 0 on success, 1 when the pipeline fails, 2 for a usage error.
 */
@Command(
    name = "riko",
    mixinStandardHelpOptions = true,
    versionProvider = RikoCommand.Version.class,
    description = "Runs riko pipelines (Yahoo! Pipes-style stream processing) on the JVM.",
    footer = {"", "Also: bin/riko demo [N...] runs riko-examples' demo: examples 1-5 (or N)",
        "fetching bundled files over HTTP from 127.0.0.1; bin/riko demo --help lists all."},
    subcommands = {RunCommand.class, ModulesCommand.class, WarmupCommand.class, CommandLine.HelpCommand.class})
public final class RikoCommand implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Shows the usage when no subcommand is given. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new BufferedWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int status = execute(out, err, args);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /** Runs the command line with the given output streams and returns its exit status. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return new CommandLine(new RikoCommand()).setOut(out).setErr(err).execute(args);
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = RikoCommand.class.getPackage().getImplementationVersion();
      return new String[] {"riko-java " + (version == null ? "(development build)" : version)};
    }
  }
}
