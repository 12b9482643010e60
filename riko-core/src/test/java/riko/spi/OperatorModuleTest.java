package riko.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import riko.conf.CallOptions;
import riko.conf.ResolvedConf;
import riko.item.Item;

/** The operator fold of {@code conf.md} 4.3, through a module returning its conf's {@code single} or its input. */
class OperatorModuleTest {

  static final class Probe extends OperatorModule {
    Probe() {
      super(ModuleMetadata.composer("probe", "test"), Map.of(), "probe");
    }

    @Override
    protected OperatorResult operate(Flux<Item> items, ResolvedConf conf, ModuleCall call) {
      if (conf.has("single")) {
        return OperatorResult.single(Mono.justOrEmpty(conf.get("single")));
      }
      return OperatorResult.stream(items);
    }
  }

  private final Probe probe = new Probe();
  private final List<Item> input = items("[{\"x\": 1}, \"raw\"]");

  @Test
  void upstreamErrorsLeaveUnchangedAndTheOperatorsOwnAreLabelled() {
    IllegalStateException upstream = new IllegalStateException("upstream broke");
    reactor.test.StepVerifier.create(Flux.<Item>error(upstream).transform(probe.create(ModuleCall.of("probe", conf("{}")))))
        .expectErrorSatisfies(e -> assertThat(e).isSameAs(upstream))
        .verify(riko.testing.ModuleRunner.TIMEOUT);
    OperatorModule failing = new OperatorModule(ModuleMetadata.composer("failing", "t"), Map.of(), "failing") {
      @Override
      protected OperatorResult operate(Flux<Item> items, ResolvedConf conf, ModuleCall call) {
        return OperatorResult.stream(items.map(i -> {
          throw new IllegalArgumentException("cannot handle " + i);
        }));
      }
    };
    reactor.test.StepVerifier.create(Flux.just(Item.of("x", 1L)).transform(failing.create(ModuleCall.of("failing (sw_2)", conf("{}")))))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessage("module 'failing (sw_2)': cannot handle {'x': 1}"))
        .verify(riko.testing.ModuleRunner.TIMEOUT);
  }

  @Test
  void streamsAreEmittedAndRawInputsSeenAsContent() {
    assertThat(json(probe, conf("{}"), input)).containsExactly("{\"x\":1}", "{\"content\":\"raw\"}");
  }

  @Test
  void aForcedAssignWrapsEachStreamElement() {
    assertThat(json(probe, conf("{}"), CallOptions.none().withEmit(false).withAssign("a"), input))
        .containsExactly("{\"a\":{\"x\":1}}", "{\"a\":{\"content\":\"raw\"}}");
  }

  @Test
  void singleValuesAreAssignedUnlessMapsOrEmitted() {
    assertThat(json(probe, conf("{\"single\": 3}"), input)).containsExactly("{\"probe\":3}");
    assertThat(json(probe, conf("{\"single\": 3}"), CallOptions.none().withAssign("n"), input)).containsExactly("{\"n\":3}");
    assertThat(json(probe, conf("{\"single\": 3}"), CallOptions.none().withEmit(true), input)).containsExactly("3");
    assertThat(json(probe, conf("{\"single\": {\"k\": 1}}"), input)).containsExactly("{\"k\":1}");
    assertThat(json(probe, conf("{\"single\": null}"), input)).as("null is one empty item").containsExactly("{}");
  }
}
