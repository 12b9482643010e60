package riko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's module table is generated from the registry; this keeps it from drifting. */
class ReadmeModuleTableTest {

  @Test
  void readmeListsExactlyTheRegisteredModules() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    assertThat(readme)
        .as("README.md's module table is stale: regenerate it with `bin/riko modules --markdown`")
        .contains(ModulesCommand.markdownTable());
  }
}
