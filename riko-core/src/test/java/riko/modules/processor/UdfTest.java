package riko.modules.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.items;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
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
import riko.conf.Count;
import riko.conf.RawConf;
import riko.item.Item;
import riko.json.ItemJson;
import riko.pipe.Pipe;
import riko.pipeline.Pipeline;
import riko.pipeline.PipelineException;
import riko.pipeline.PipelineReader;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleCall;
import riko.spi.ModuleContext;
import riko.spi.ModuleException;
import riko.spi.UserFunction;
import riko.testing.ModuleRunner;
import riko.value.Cast;

class UdfTest {

  private final Udf udf = new Udf();

  private static final Function<Item, Object> PLUS_3 = item -> Map.of("y", Cast.toInt(item.get("x")) + 3);

  private List<String> run(Function<? super Item, ?> func, CallOptions options, List<Item> input) {
    return ModuleRunner.json(udf, RawConf.empty(), options.withFunc(UserFunction.perItem(func)), input);
  }

  private List<String> run(Function<? super Item, ?> func, List<Item> input) {
    return run(func, CallOptions.none(), input);
  }

  @Test
  void runsTheSpecExamples() {
    assertThat(run(PLUS_3, items("[{\"x\": 0}]"))).containsExactly("{\"y\":3}");
    assertThat(run(item -> item.with("length", (long) String.valueOf(item.get("content")).length()),
        CallOptions.none().withEmit(true), items("[{\"content\": \"a\"}, {\"content\": \"abcd\"}]")))
        .containsExactly("{\"content\":\"a\",\"length\":1}", "{\"content\":\"abcd\",\"length\":4}");
  }

  @Test
  void aScalarIsEmittedRawAndNullAsNull() {
    assertThat(run(item -> item.get("x"), items("[{\"x\": 5}, {\"x\": \"a\"}, {}]"))).containsExactly("5", "\"a\"", "null");
  }

  @Test
  void aListIsOneRawValueAsInRiko() {
    assertThat(run(item -> List.of(1, 2), items("[{\"x\": 0}]"))).containsExactly("[1,2]");
  }

  @Test
  void streamsAreFlattened() {
    assertThat(run(item -> Flux.just(Map.of("a", 1), "b"), items("[{\"x\": 0}, {\"x\": 1}]")))
        .containsExactly("{\"a\":1}", "\"b\"", "{\"a\":1}", "\"b\"");
    assertThat(run(item -> Stream.of(1, 2), items("[{\"x\": 0}]"))).containsExactly("1", "2");
    assertThat(run(item -> java.util.Arrays.asList("a", null).iterator(), items("[{\"x\": 0}]"))).containsExactly("\"a\"", "null");
    assertThat(run(item -> Flux.empty(), items("[{\"x\": 0}]"))).as("an empty stream drops the item").isEmpty();
  }

  @Test
  void asynchronousResultsAreAwaited() {
    assertThat(run(item -> Mono.delay(Duration.ofMillis(5)).map(x -> Map.of("late", item.get("x"))), items("[{\"x\": 1}, {\"x\": 2}]")))
        .containsExactly("{\"late\":1}", "{\"late\":2}");
    assertThat(run(item -> CompletableFuture.supplyAsync(() -> "done"), items("[{\"x\": 1}]"))).containsExactly("\"done\"");
    assertThat(run(item -> Mono.empty(), items("[{\"x\": 1}]"))).as("empty is null").containsExactly("null");
    assertThat(run(item -> Mono.just(Flux.just(1, 2)), items("[{\"x\": 1}]"))).containsExactly("1", "2");
  }

  @Test
  void withEmitOffResultsAreAssigned() {
    CallOptions assign = CallOptions.none().withEmit(false);
    assertThat(run(item -> 7, assign, items("[{\"x\": 1}]"))).containsExactly("{\"x\":1,\"udf\":7}");
    assertThat(run(item -> null, assign, items("[{\"x\": 1}]"))).as("null leaves the item unchanged").containsExactly("{\"x\":1}");
    assertThat(run(item -> Mono.empty(), assign, items("[{\"x\": 1}]"))).containsExactly("{\"x\":1}");
    assertThat(run(item -> Flux.just(1, 2), assign.withAssign("n"), items("[{\"x\": 1}]"))).containsExactly("{\"x\":1,\"n\":[1,2]}");
    assertThat(run(item -> Flux.just(1, 2), assign.withCount(Count.FIRST), items("[{\"x\": 1}]"))).containsExactly("{\"x\":1,\"udf\":1}");
  }

  @Test
  void countFirstKeepsTheFirstResult() {
    assertThat(run(item -> Flux.just(1, 2), CallOptions.none().withCount(Count.FIRST), items("[{\"x\": 0}]"))).containsExactly("1");
  }

  @Test
  void withFieldTheFunctionReceivesThatValue() {
    List<Object> seen = new ArrayList<>();
    Function<Item, Object> record = value -> {
      seen.add(value.isRaw() ? value.rawValue() : value.get("b"));
      return null;
    };
    run(record, CallOptions.none().withField("a"), items("[{\"a\": 5}, {\"a\": {\"b\": 2}}, {}]"));
    assertThat(seen).containsExactly(5L, 2L, null);
  }

  @Test
  void rawInputIsSeenAsContent() {
    assertThat(run(item -> item.get("content"), items("[\"hello\"]"))).containsExactly("\"hello\"");
  }

  @Test
  void emptyInputGivesEmptyOutputWithoutCallingTheFunction() {
    AtomicInteger calls = new AtomicInteger();
    assertThat(run(item -> calls.incrementAndGet(), List.of())).isEmpty();
    assertThat(calls).hasValue(0);
  }

  @Test
  void processesItemsInOrderAndLazily() {
    AtomicInteger calls = new AtomicInteger();
    Flux<Item> endless = Flux.generate(sink -> sink.next(Item.of("x", 1L)));
    ModuleCall call = ModuleCall.of("udf", RawConf.empty())
        .withOptions(CallOptions.none().withFunc(UserFunction.perItem(item -> calls.incrementAndGet())));
    StepVerifier.create(endless.transform(udf.create(call)).take(3))
        .expectNext(Item.ofValue(1), Item.ofValue(2), Item.ofValue(3))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    assertThat(calls.get()).isBetween(3, 4);
  }

  @Test
  void aFailingFunctionEndsTheStreamAfterEarlierItems() {
    Function<Item, Object> failsOnTwo = item -> {
      if (Cast.toInt(item.get("x")) == 2) {
        throw new IllegalStateException("boom");
      }
      return item;
    };
    ModuleCall call = ModuleCall.of("udf (sw_2)", RawConf.empty())
        .withOptions(CallOptions.none().withFunc(UserFunction.perItem(failsOnTwo)));
    StepVerifier.create(Flux.fromIterable(items("[{\"x\": 1}, {\"x\": 2}, {\"x\": 3}]")).transform(udf.create(call)))
        .expectNextMatches(i -> Cast.toInt(i.get("x")) == 1)
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessage("module 'udf (sw_2)': the function failed: boom").hasCauseInstanceOf(IllegalStateException.class))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void anErrorInsideAReturnedStreamComesAfterItsElements() {
    ModuleCall call = ModuleCall.of("udf", RawConf.empty()).withOptions(CallOptions.none().withFunc(
        UserFunction.perItem(item -> Flux.concat(Flux.just(1), Flux.error(new IllegalArgumentException("late"))))));
    StepVerifier.create(Flux.just(Item.of("x", 1L)).transform(udf.create(call)))
        .expectNext(Item.ofValue(1))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class).hasMessageContaining("udf")
            .hasMessageContaining("late"))
        .verify(ModuleRunner.TIMEOUT);
    ModuleCall async = ModuleCall.of("udf", RawConf.empty()).withOptions(CallOptions.none().withFunc(
        UserFunction.perItem(item -> Mono.error(new IllegalArgumentException("async")))));
    StepVerifier.create(Flux.just(Item.of("x", 1L)).transform(udf.create(async)))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class).hasMessageContaining("async"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void withoutAFunctionAssemblyFails() {
    assertThatThrownBy(() -> udf.create(ModuleCall.of("udf (sw_2)", RawConf.empty())))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("udf (sw_2)").hasMessageContaining("'func'").hasMessageContaining("required")
        .hasMessageContaining("UserFunction.perItem");
  }

  @Test
  void aWholeStreamFunctionIsRefused() {
    ModuleCall call = ModuleCall.of("udf", RawConf.empty())
        .withOptions(CallOptions.none().withFunc(UserFunction.perStream(Flux::count)));
    assertThatThrownBy(() -> udf.create(call))
        .isInstanceOf(ConfException.class).hasMessageContaining("whole-stream").hasMessageContaining("per-item");
  }

  @Test
  void aNamedFunctionIsLookedUpInTheContext() {
    ModuleContext context = ModuleRunner.context().withFunction("plus3", UserFunction.perItem(PLUS_3));
    ModuleCall call = ModuleCall.of("udf", RawConf.empty()).withContext(context)
        .withOptions(CallOptions.none().withFunc(UserFunction.named("plus3")));
    assertThat(Flux.fromIterable(items("[{\"x\": 1}]")).transform(udf.create(call)).map(ItemJson::toJson)
        .collectList().block(ModuleRunner.TIMEOUT)).containsExactly("{\"y\":4}");
  }

  @Test
  void aFailingNamedFunctionIsNamed() {
    ModuleContext context = ModuleRunner.context().withFunction("broken", UserFunction.perItem(item -> {
      throw new UnsupportedOperationException("nope");
    }));
    ModuleCall call = ModuleCall.of("udf (sw_2)", RawConf.empty()).withContext(context)
        .withOptions(CallOptions.none().withFunc(UserFunction.named("broken")));
    StepVerifier.create(Flux.just(Item.empty()).transform(udf.create(call)))
        .expectErrorMessage("module 'udf (sw_2)': function 'broken' failed: nope")
        .verify(ModuleRunner.TIMEOUT);
  }

  private static final String PIPELINE = """
      {"modules": [
        {"id": "sw-1", "type": "itembuilder", "conf": {"attrs": [{"key": "x", "value": {"type": "int", "value": "2"}}]}},
        {"id": "sw-2", "type": "udf", "func": "plus3", "conf": {}},
        {"id": "_OUTPUT", "type": "output", "conf": {}}],
       "wires": [
        {"id": "w1", "src": {"id": "_OUTPUT", "moduleid": "sw-1"}, "tgt": {"id": "_INPUT", "moduleid": "sw-2"}},
        {"id": "w2", "src": {"id": "_OUTPUT", "moduleid": "sw-2"}, "tgt": {"id": "_INPUT", "moduleid": "_OUTPUT"}}]}
      """;

  @Test
  void aJsonPipelineNamesARegisteredFunction() {
    Pipeline pipeline = Pipeline.of(PipelineReader.parse("udf.json", PIPELINE))
        .withContext(ModuleRunner.context().withFunction("plus3", UserFunction.perItem(PLUS_3)));
    assertThat(pipeline.toList()).extracting(ItemJson::toJson).containsExactly("{\"y\":5}");
  }

  @Test
  void aJsonPipelineNamingAnUnregisteredFunctionIsRefusedAtAssembly() {
    Pipeline pipeline = Pipeline.of(PipelineReader.parse("udf.json", PIPELINE))
        .withContext(ModuleRunner.context().withFunction("other", UserFunction.perItem(PLUS_3)));
    assertThatThrownBy(pipeline::flux)
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("udf (sw_2)")
        .hasMessageContaining("'plus3'")
        .hasMessageContaining("not registered")
        .hasMessageContaining("ModuleContext.withFunction(\"plus3\", UserFunction.perItem(item -> ...))")
        .hasMessageContaining("Registered functions: other");
  }

  @Test
  void aJsonPipelineWithoutFuncIsRefusedAndAFuncThatIsNotANameIsAReadError() {
    assertThatThrownBy(() -> Pipeline.of(PipelineReader.parse("udf.json", PIPELINE.replace("\"func\": \"plus3\", ", ""))).flux())
        .isInstanceOf(ConfException.class).hasMessageContaining("udf (sw_2)").hasMessageContaining("'func'");
    assertThatThrownBy(() -> PipelineReader.parse("udf.json", PIPELINE.replace("\"plus3\"", "5")))
        .isInstanceOf(PipelineException.class).hasMessageContaining("sw-2").hasMessageContaining("'func'");
  }

  @Test
  void pipeUdfIsTheFluentForm() {
    assertThat(Pipe.from(items("[{\"x\": 0}, {\"x\": 1}]")).udf(PLUS_3).toList()).extracting(ItemJson::toJson)
        .containsExactly("{\"y\":3}", "{\"y\":4}");
    assertThat(Pipe.from(items("[{\"x\": 0}]")).udf(item -> 1, CallOptions.none().withEmit(false)).toList())
        .extracting(ItemJson::toJson).containsExactly("{\"x\":0,\"udf\":1}");
  }

  @Test
  void isRegisteredAsAnEmittingTransformer() {
    assertThat(ModuleRegistry.standard().find("udf")).get().isInstanceOf(Udf.class);
    assertThat(udf.metadata().loopable()).isTrue();
    assertThat(udf.spec().alwaysEmit()).isTrue();
    assertThat(udf.spec().field()).isNull();
    assertThat(udf.spec().assign()).isEqualTo("udf");
  }

  @Test
  void iteratorResultsAreReadLazily() {
    AtomicInteger pulled = new AtomicInteger();
    Iterator<Integer> endless = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Integer next() {
        return pulled.incrementAndGet();
      }
    };
    ModuleCall call = ModuleCall.of("udf", RawConf.empty()).withOptions(CallOptions.none().withFunc(UserFunction.perItem(item -> endless)));
    StepVerifier.create(Flux.just(Item.empty()).transform(udf.create(call)).take(2))
        .expectNext(Item.ofValue(1), Item.ofValue(2))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    assertThat(pulled.get()).isLessThan(300);
  }
}
