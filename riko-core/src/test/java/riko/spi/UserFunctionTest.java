package riko.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.json.ItemJson;
import riko.pipeline.ModuleDefinition;
import riko.pipeline.PipelineReader;
import riko.testing.ModuleRunner;

class UserFunctionTest {

  private final UserFunction.PerItem identity = UserFunction.perItem(item -> item);
  private final UserFunction.PerStream count = UserFunction.perStream(Flux::count);

  private static ModuleCall call(CallOptions options, ModuleContext context) {
    return ModuleCall.of("udf (sw_1)", RawConf.empty()).withOptions(options).withContext(context);
  }

  @Test
  void requireReturnsTheGivenFunctionOrTheRegisteredOne() {
    assertThat(UserFunction.require(call(CallOptions.none().withFunc(identity), ModuleContext.defaults()),
        UserFunction.PerItem.class)).isSameAs(identity);
    ModuleContext context = ModuleContext.defaults().withFunction("id", identity).withFunction("count", count);
    assertThat(UserFunction.require(call(CallOptions.none().withFunc(UserFunction.named("count")), context),
        UserFunction.PerStream.class)).isSameAs(count);
  }

  @Test
  void requireExplainsWhatIsMissing() {
    assertThatThrownBy(() -> UserFunction.require(call(CallOptions.none(), ModuleContext.defaults()), UserFunction.PerItem.class))
        .isInstanceOf(ConfException.class).hasMessageStartingWith("module 'udf (sw_1)': conf key 'func' is required");
    ModuleContext context = ModuleContext.defaults().withFunction("b", identity).withFunction("a", count);
    assertThatThrownBy(() -> UserFunction.require(call(CallOptions.none().withFunc(UserFunction.named("x")), context),
        UserFunction.PerItem.class))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("names the function 'x', which is not registered")
        .hasMessageContaining("Registered functions: a, b");
    assertThatThrownBy(() -> UserFunction.require(call(CallOptions.none().withFunc(UserFunction.named("a")), context),
        UserFunction.PerItem.class))
        .isInstanceOf(ConfException.class).hasMessageContaining("'a', whole-stream function");
  }

  @Test
  void theContextRegistryIsImmutableAndRefusesReferences() {
    ModuleContext base = ModuleContext.defaults();
    ModuleContext with = base.withFunction("id", identity);
    assertThat(base.function("id")).isEmpty();
    assertThat(with.function("id")).containsSame(identity);
    assertThat(with.withFunction("id", count).function("id")).containsSame(count);
    assertThat(with.withInputs(Map.of("a", "b")).withTest(true).function("id")).as("kept by other copies").containsSame(identity);
    assertThatThrownBy(() -> base.withFunction("x", UserFunction.named("id"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base.withFunction(" ", identity)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UserFunction.named("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theReaderKeepsAModulesFuncName() {
    ModuleDefinition module = PipelineReader.parse("p.json", "{\"modules\": [{\"type\": \"udf\", \"func\": \"f\"}]}").modules().get(0);
    assertThat(module.func()).isEqualTo("f");
    assertThat(PipelineReader.parse("p.json", "{\"modules\": [{\"type\": \"udf\"}]}").modules().get(0).func()).isNull();
  }

  /** A processor whose result comes later. */
  private static final class Later extends ProcessorModule {
    Later() {
      super(ModuleMetadata.transformer("later", "test"), ProcessorSpec.transformer(Map.of(), "content", FieldCast.PASS, "later"));
    }

    @Override
    protected ProcessorResult process(Object value, ResolvedConf conf, Item item, ModuleCall call) {
      return ProcessorResult.later(value == null ? Mono.empty() : Mono.just(ProcessorResult.of(value)));
    }
  }

  @Test
  void aLaterResultIsFoldedLikeTheResultItCompletesWith() {
    Later later = new Later();
    assertThat(ModuleRunner.json(later, RawConf.empty(), ModuleRunner.items("[{\"content\": 1}, {\"content\": {\"a\": 2}}, {}]")))
        .as("a single value is assigned, a map emitted, null leaves the item")
        .containsExactly("{\"content\":1,\"later\":1}", "{\"a\":2}", "{}");
    assertThat(Flux.just(Item.of("content", 3L)).transform(later.create(ModuleCall.of("later", RawConf.empty())
        .withOptions(CallOptions.none().withEmit(true)))).map(ItemJson::toJson).collectList().block(ModuleRunner.TIMEOUT))
        .containsExactly("3");
  }
}
