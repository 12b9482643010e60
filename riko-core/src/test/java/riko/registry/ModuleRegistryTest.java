package riko.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.modules.operator.Truncate;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.OperatorModule;
import riko.spi.OperatorResult;

class ModuleRegistryTest {

  /** Another module claiming the name {@code truncate}. */
  static final class FakeTruncate extends OperatorModule {
    FakeTruncate() {
      super(ModuleMetadata.composer("truncate", "impostor"), Map.of(), "truncate");
    }

    @Override
    protected OperatorResult operate(Flux<Item> items, ResolvedConf conf, ModuleCall call) {
      return OperatorResult.stream(items);
    }
  }

  @Test
  void discoversBuiltInsThroughServiceLoader() {
    ModuleRegistry registry = ModuleRegistry.builder().discover(getClass().getClassLoader()).build();
    assertThat(registry.find("truncate")).containsInstanceOf(Truncate.class);
    assertThat(registry.names()).isSorted();
  }

  @Test
  void rejectsTwoModulesWithOneName() {
    assertThatThrownBy(() -> ModuleRegistry.builder().add(new Truncate()).add(new FakeTruncate()))
        .isInstanceOf(DuplicateModuleException.class)
        .hasMessageContaining("'truncate'").hasMessageContaining("FakeTruncate").hasMessageContaining("replace");
  }

  @Test
  void replaceOverridesOnPurpose() {
    ModuleRegistry registry = ModuleRegistry.builder().add(new Truncate()).replace(new FakeTruncate()).build();
    assertThat(registry.lookup("truncate")).isInstanceOf(FakeTruncate.class);
  }

  @Test
  void unknownNamesListTheKnownOnes() {
    ModuleRegistry registry = ModuleRegistry.builder().add(new Truncate()).build();
    assertThatThrownBy(() -> registry.lookup("fetchfeed", "module 'sw-3' in pipeline 'news.json'"))
        .isInstanceOf(UnknownModuleException.class)
        .hasMessage("Unsupported riko module: 'fetchfeed' (module 'sw-3' in pipeline 'news.json'). Known modules: truncate");
  }

  @Test
  void theCatalogReportsMetadata() {
    ModuleMetadata m = ModuleRegistry.builder().add(new Truncate()).build().catalog().get(0);
    assertThat(m.type().label()).isEqualTo("operator");
    assertThat(m.subtype().label()).isEqualTo("composer");
    assertThat(m.loopable()).isFalse();
  }
}
