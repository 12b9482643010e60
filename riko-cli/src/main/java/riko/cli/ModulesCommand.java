package riko.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleMetadata;
import riko.spi.ModuleSubtype;

/** {@code riko modules}: every registered module with its catalog metadata. */
@Command(name = "modules", mixinStandardHelpOptions = true, description = "List every registered module with its type and subtype.")
final class ModulesCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%-18s %-10s %-24s %-9s %s%n", "MODULE", "TYPE", "SUBTYPES", "LOOPABLE", "DESCRIPTION");
    for (ModuleMetadata m : ModuleRegistry.standard().catalog()) {
      String subtypes = m.subtypes().stream().map(ModuleSubtype::label).collect(Collectors.joining(", "));
      out.printf("%-18s %-10s %-24s %-9s %s%n", m.name(), m.type().label(), subtypes, m.loopable() ? "yes" : "no",
          m.description());
    }
    return 0;
  }
}
