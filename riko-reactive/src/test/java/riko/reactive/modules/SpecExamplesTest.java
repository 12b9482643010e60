package riko.reactive.modules;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleContext;
import riko.testing.SharedData;
import riko.testing.SpecExamples;

/** Every checkable example of {@code spec/modules.md} for the modules riko-reactive provides, on riko's fixtures. */
class SpecExamplesTest {

  @TestFactory
  Stream<DynamicTest> fetchingModulesBehaveAsTheSpecsExamplesSay() {
    ModuleRegistry registry = ModuleRegistry.builder().discover(getClass().getClassLoader()).build();
    ModuleContext context = ModuleContext.defaults().withTest(true).withDataDirectory(SharedData.fixtures());
    return SpecExamples.forModules(registry, Set.of("fetchdata"), context);
  }
}
