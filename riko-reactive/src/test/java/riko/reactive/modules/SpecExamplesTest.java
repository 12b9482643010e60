package riko.reactive.modules;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleContext;
import riko.testing.SharedData;
import riko.testing.SpecExamples;

/**
 * Every checkable example of {@code spec/modules.md} for every module riko-reactive registers, on
 * riko's fixtures.
 */
class SpecExamplesTest {

  @TestFactory
  Stream<DynamicTest> fetchingModulesBehaveAsTheSpecsExamplesSay() {
    ModuleRegistry registry = ModuleRegistry.builder().discover(getClass().getClassLoader()).build();
    Set<String> reactiveModules = registry.names().stream()
        .filter(name -> registry.lookup(name).getClass().getPackageName().startsWith("riko.reactive"))
        .collect(Collectors.toSet());
    ModuleContext context = ModuleContext.defaults().withTest(true).withDataDirectory(SharedData.fixtures());
    return SpecExamples.forModules(registry, reactiveModules, context);
  }
}
