package riko.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleMetadata;
import riko.spi.ModuleSubtype;

/** {@code riko modules}: every registered module with its catalog metadata. */
@Command(name = "modules", mixinStandardHelpOptions = true, description = "List every registered module with its type and subtype.")
final class ModulesCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--markdown", description = "Print a Markdown table (the one in the README).")
  private boolean markdown;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (markdown) {
      out.print(markdownTable());
      return 0;
    }
    out.printf("%-18s %-10s %-24s %-9s %s%n", "MODULE", "TYPE", "SUBTYPES", "LOOPABLE", "DESCRIPTION");
    for (ModuleMetadata m : ModuleRegistry.standard().catalog()) {
      String subtypes = m.subtypes().stream().map(ModuleSubtype::label).collect(Collectors.joining(", "));
      out.printf("%-18s %-10s %-24s %-9s %s%n", m.name(), m.type().label(), subtypes, m.loopable() ? "yes" : "no",
          m.description());
    }
    return 0;
  }

  /** The registry as the README's Markdown table. */
  static String markdownTable() {
    StringBuilder table = new StringBuilder("| module | type | subtypes | loopable | description |\n|---|---|---|---|---|\n");
    for (ModuleMetadata m : ModuleRegistry.standard().catalog()) {
      String subtypes = m.subtypes().stream().map(ModuleSubtype::label).collect(Collectors.joining(", "));
      table.append("| ").append(m.name()).append(" | ").append(m.type().label()).append(" | ").append(subtypes)
          .append(" | ").append(m.loopable() ? "yes" : "no").append(" | ").append(m.description().replace("|", "\\|"))
          .append(" |\n");
    }
    return table.toString();
  }
}
