package riko.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code riko} command line: {@code riko run PIPELINE.json}, {@code riko modules}.
 * Exit status 0 on success, 1 when the pipeline fails, 2 for a usage error.
 */
@Command(
    name = "riko",
    mixinStandardHelpOptions = true,
    versionProvider = RikoCommand.Version.class,
    description = "Runs riko pipelines (Yahoo! Pipes-style stream processing) on the JVM.",
    subcommands = {RunCommand.class, ModulesCommand.class, CommandLine.HelpCommand.class})
public final class RikoCommand implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Shows the usage when no subcommand is given. */
  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit status (for tests). */
  public static int execute(String... args) {
    return new CommandLine(new RikoCommand()).execute(args);
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
