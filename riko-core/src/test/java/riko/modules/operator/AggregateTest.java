package riko.modules.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.items;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.item.Item;
import riko.json.ItemJson;
import riko.pipe.Pipe;
import riko.pipeline.Pipeline;
import riko.pipeline.PipelineReader;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleCall;
import riko.spi.ModuleContext;
import riko.spi.ModuleException;
import riko.spi.UserFunction;
import riko.testing.ModuleRunner;
import riko.value.Cast;

class AggregateTest {

  private final Aggregate aggregate = new Aggregate();
  private final List<Item> five = items("[{\"x\": 0}, {\"x\": 1}, {\"x\": 2}, {\"x\": 3}, {\"x\": 4}]");

  private static final Function<Flux<Item>, Object> PLUS_3 =
      items -> items.map(item -> Map.of("y", Cast.toInt(item.get("x")) + 3));

  private ModuleCall call(Function<? super Flux<Item>, ?> func, CallOptions options) {
    return ModuleCall.of("aggregate", RawConf.empty()).withOptions(options.withFunc(UserFunction.perStream(func)));
  }

  private List<String> run(Function<? super Flux<Item>, ?> func, CallOptions options, List<Item> input) {
    return ModuleRunner.run(aggregate, call(func, options), input).map(ItemJson::toJson).collectList().block(ModuleRunner.TIMEOUT);
  }

  private List<String> run(Function<? super Flux<Item>, ?> func, List<Item> input) {
    return run(func, CallOptions.none(), input);
  }

  @Test
  void runsTheSpecExamples() {
    assertThat(run(PLUS_3, five)).containsExactly("{\"y\":3}", "{\"y\":4}", "{\"y\":5}", "{\"y\":6}", "{\"y\":7}");
    assertThat(run(items -> 5, items("[{\"x\": 1}]"))).containsExactly("5");
    assertThat(run(items -> Map.of("n", 1), items("[{\"x\": 1}]"))).containsExactly("{\"n\":1}");
  }

  @Test
  void resultsAreListised() {
    assertThat(run(items -> null, five)).as("null gives nothing").isEmpty();
    assertThat(run(items -> "text", five)).as("a string is one value").containsExactly("\"text\"");
    assertThat(run(items -> List.of(Map.of("a", 1), 2, "b"), five)).containsExactly("{\"a\":1}", "2", "\"b\"");
    assertThat(run(items -> Arrays.asList(1, null), five)).as("a null element is a raw null").containsExactly("1", "null");
    assertThat(run(items -> new Object[] {"a", "b"}, five)).containsExactly("\"a\"", "\"b\"");
    assertThat(run(items -> Stream.of(1, 2), five)).containsExactly("1", "2");
    assertThat(run(items -> List.of(3, 4).iterator(), five)).containsExactly("3", "4");
    assertThat(run(items -> Item.of("k", "v"), five)).containsExactly("{\"k\":\"v\"}");
    assertThat(run(items -> Flux.just(List.of(1, 2)), five)).as("stream elements are not listised again").containsExactly("[1,2]");
  }

  @Test
  void asynchronousResultsAreAwaitedThenListised() {
    assertThat(run(Flux::count, five)).containsExactly("5");
    assertThat(run(items -> items.collectList().map(List::size), five)).containsExactly("5");
    assertThat(run(items -> Mono.empty(), five)).isEmpty();
    assertThat(run(items -> Mono.just(List.of(1, 2)), five)).containsExactly("1", "2");
    assertThat(run(items -> CompletableFuture.supplyAsync(() -> List.of("a")), five)).containsExactly("\"a\"");
  }

  @Test
  void withEmitOffEachElementIsAssigned() {
    assertThat(run(Flux::count, CallOptions.none().withEmit(false), five)).containsExactly("{\"aggregate\":5}");
    assertThat(run(items -> List.of(1, 2), CallOptions.none().withEmit(false).withAssign("n"), five))
        .containsExactly("{\"n\":1}", "{\"n\":2}");
  }

  @Test
  void isAsLazyAsTheFunction() {
    AtomicInteger produced = new AtomicInteger();
    Flux<Item> endless = Flux.generate(sink -> sink.next(Item.of("x", (long) produced.incrementAndGet())));
    StepVerifier.create(endless.transform(aggregate.create(call(PLUS_3, CallOptions.none()))).take(2))
        .expectNextMatches(i -> Cast.toInt(i.get("y")) == 4)
        .expectNextMatches(i -> Cast.toInt(i.get("y")) == 5)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    assertThat(produced.get()).isLessThan(300);
  }

  @Test
  void rawInputIsSeenAsContent() {
    assertThat(run(items -> items.map(i -> i.get("content")), items("[\"a\", \"b\"]"))).containsExactly("\"a\"", "\"b\"");
  }

  @Test
  void emptyInputReachesTheFunction() {
    assertThat(run(Flux::count, List.of())).containsExactly("0");
    assertThat(run(PLUS_3, List.of())).isEmpty();
  }

  @Test
  void aFailingFunctionFailsAfterWhatWasEmitted() {
    StepVerifier.create(ModuleRunner.run(aggregate, call(items -> items.map(item -> {
      if (Cast.toInt(item.get("x")) == 2) {
        throw new IllegalStateException("boom");
      }
      return item;
    }), CallOptions.none()), five))
        .expectNextCount(2)
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessage("module 'aggregate': the function failed: boom"))
        .verify(ModuleRunner.TIMEOUT);
    StepVerifier.create(ModuleRunner.run(aggregate, call(items -> {
      throw new IllegalArgumentException("at once");
    }, CallOptions.none()), five))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class).hasMessageContaining("at once"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void anInputErrorPassesThroughUnchanged() {
    IllegalStateException upstream = new IllegalStateException("upstream");
    Flux<Item> failing = Flux.concat(Flux.fromIterable(five.subList(0, 2)), Flux.error(upstream));
    StepVerifier.create(failing.transform(aggregate.create(call(PLUS_3, CallOptions.none()))))
        .expectNextCount(2)
        .expectErrorSatisfies(e -> assertThat(e).isSameAs(upstream))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void withoutAFunctionOrWithAPerItemOneAssemblyFails() {
    assertThatThrownBy(() -> aggregate.create(ModuleCall.of("aggregate (sw_3)", RawConf.empty())))
        .isInstanceOf(ConfException.class).hasMessageContaining("aggregate (sw_3)").hasMessageContaining("'func'")
        .hasMessageContaining("UserFunction.perStream");
    assertThatThrownBy(() -> aggregate.create(ModuleCall.of("aggregate", RawConf.empty())
        .withOptions(CallOptions.none().withFunc(UserFunction.perItem(item -> item)))))
        .isInstanceOf(ConfException.class).hasMessageContaining("per-item").hasMessageContaining("whole-stream");
  }

  private static final String PIPELINE = """
      {"modules": [
        {"type": "itembuilder", "conf": {"attrs": {"key": "x", "value": 1}}},
        {"type": "aggregate", "func": "total"}]}
      """;

  @Test
  void aJsonPipelineNamesARegisteredFunction() {
    ModuleContext context = ModuleRunner.context().withFunction("total", UserFunction.perStream(Flux::count));
    assertThat(Pipeline.of(PipelineReader.parse("dag.json", PIPELINE)).withContext(context).toList())
        .extracting(ItemJson::toJson).containsExactly("1");
    assertThatThrownBy(() -> Pipeline.of(PipelineReader.parse("dag.json", PIPELINE)).flux())
        .isInstanceOf(ConfException.class).hasMessageContaining("aggregate (sw_2)").hasMessageContaining("'total'")
        .hasMessageContaining("not registered").hasMessageContaining("Registered functions: none");
    ModuleContext wrongKind = ModuleRunner.context().withFunction("total", UserFunction.perItem(item -> item));
    assertThatThrownBy(() -> Pipeline.of(PipelineReader.parse("dag.json", PIPELINE)).withContext(wrongKind).flux())
        .isInstanceOf(ConfException.class).hasMessageContaining("the function 'total'").hasMessageContaining("per-item");
  }

  @Test
  void aFailingNamedFunctionIsNamed() {
    ModuleContext context = ModuleRunner.context().withFunction("total", UserFunction.perStream(items -> {
      throw new IllegalStateException("nope");
    }));
    StepVerifier.create(Pipeline.of(PipelineReader.parse("dag.json", PIPELINE)).withContext(context).flux())
        .expectErrorMessage("module 'aggregate (sw_2)': function 'total' failed: nope")
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void pipeAggregateIsTheFluentForm() {
    assertThat(Pipe.from(five).aggregate(Flux::count).toList()).extracting(ItemJson::toJson).containsExactly("5");
    assertThat(Pipe.from(five).aggregate(items -> items.take(1), CallOptions.none().withEmit(false)).toList())
        .extracting(ItemJson::toJson).containsExactly("{\"aggregate\":{\"x\":0}}");
  }

  @Test
  void delayedFunctionsRunOnVirtualTime() {
    StepVerifier.withVirtualTime(() -> Flux.fromIterable(five).transform(aggregate.create(
            call(items -> items.delayElements(Duration.ofSeconds(1)).count(), CallOptions.none()))))
        .thenAwait(Duration.ofSeconds(5))
        .expectNext(Item.ofValue(5L))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void isRegisteredAsAComposer() {
    assertThat(ModuleRegistry.standard().find("aggregate")).get().isInstanceOf(Aggregate.class);
    assertThat(aggregate.metadata().loopable()).isFalse();
    assertThat(aggregate.metadata().subtype()).hasToString("COMPOSER");
  }
}
