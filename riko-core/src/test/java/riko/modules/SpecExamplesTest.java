package riko.modules;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleContext;
import riko.testing.SpecExamples;

/** Every checkable example of {@code spec/modules.md} for the modules riko-core provides. */
class SpecExamplesTest {

  @TestFactory
  Stream<DynamicTest> modulesBehaveAsTheSpecsExamplesSay() {
    ModuleRegistry registry = ModuleRegistry.standard();
    return SpecExamples.forModules(registry, java.util.Set.copyOf(registry.names()), ModuleContext.defaults().withTest(true));
  }
}
