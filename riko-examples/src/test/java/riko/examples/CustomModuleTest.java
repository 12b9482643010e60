package riko.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleType;

@Timeout(30)
class CustomModuleTest {

  @Test
  void theModuleIsFoundThroughServiceLoaderAndUsedByName() {
    try (ExampleServer server = ExampleServer.start()) {
      CustomModule.Result result = CustomModule.run(server);

      assertThat(result.registered()).isTrue();
      // Summaries of news.xml: 40, 14, 32 and 6 words, at 180 words a minute, rounded up.
      assertThat(result.entries()).extracting(entry -> entry.get("readingtime")).containsExactly(14L, 5L, 11L, 2L);
      assertThat(result.entries()).allSatisfy(entry -> assertThat(entry.get("readingtime"))
          .isEqualTo(ReadingTime.seconds(String.valueOf(entry.get("summary")), 180)));
      assertThat(result.lines()).first().asString().startsWith("readingtime found by ServiceLoader");
      assertThat(server.requested()).containsExactly("/news.xml");
    }
  }

  @Test
  void theRegistryListsItAsATransformer() {
    assertThat(ModuleRegistry.standard().lookup("readingtime").metadata().type()).isEqualTo(ModuleType.PROCESSOR);
    assertThat(ModuleRegistry.standard().lookup("readingtime")).isInstanceOf(ReadingTime.class);
  }
}
