package riko.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.item;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.Count;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.conf.SkipIf;
import riko.item.Item;
import riko.testing.ModuleRunner;

/** The per-item machinery of {@code conf.md} 4.1-4.2, through a module that returns its conf's {@code results}. */
class ProcessorModuleTest {

  /** Returns conf {@code results} as a stream, or conf {@code single} as one value. */
  static final class Echo extends ProcessorModule {
    Echo() {
      super(ModuleMetadata.transformer("echo", "test"), ProcessorSpec.transformer(Map.of(), "content", FieldCast.TEXT, "echo"));
    }

    @Override
    protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
      if (conf.has("single")) {
        return ProcessorResult.of(conf.get("single"));
      }
      if (conf.has("later")) {
        Object later = conf.get("later");
        return ProcessorResult.later(later == null ? Mono.empty() : Mono.just(ProcessorResult.of(later)).delayElement(Duration.ofMillis(5)));
      }
      if (conf.has("field")) {
        return ProcessorResult.of(value);
      }
      return ProcessorResult.stream(Flux.fromIterable(conf.list("results")));
    }
  }

  private final Echo echo = new Echo();
  private final List<Item> one = List.of(item("{\"content\": \"x\"}"));

  private List<String> run(String conf, CallOptions options, List<Item> input) {
    return json(echo, conf(conf), options, input);
  }

  @Test
  void streamsAreEmittedByDefaultAndReplaceTheItem() {
    assertThat(run("{\"results\": [\"a\", {\"k\": 1}]}", CallOptions.none(), one)).containsExactly("\"a\"", "{\"k\":1}");
    assertThat(run("{\"results\": []}", CallOptions.none(), one)).as("no results: the item disappears").isEmpty();
  }

  @Test
  void singleScalarsAreAssignedAndMapsEmitted() {
    assertThat(run("{\"single\": 5}", CallOptions.none(), one)).containsExactly("{\"content\":\"x\",\"echo\":5}");
    assertThat(run("{\"single\": {\"a.b\": 1, \"a\": 2}}", CallOptions.none(), one))
        .as("dotted keys win over the plain key").containsExactly("{\"a\":{\"b\":1}}");
    assertThat(run("{\"single\": null}", CallOptions.none(), one)).as("null leaves the item unchanged")
        .containsExactly("{\"content\":\"x\"}");
  }

  @Test
  void deferredValuesAreFoldedAsSingleValuesOnceTheyArrive() {
    assertThat(run("{\"later\": 5}", CallOptions.none(), one)).containsExactly("{\"content\":\"x\",\"echo\":5}");
    assertThat(run("{\"later\": {\"k\": 1}}", CallOptions.none(), one)).as("a map is emitted").containsExactly("{\"k\":1}");
    assertThat(run("{\"later\": null}", CallOptions.none(), one)).as("nothing leaves the item unchanged")
        .containsExactly("{\"content\":\"x\"}");
    assertThat(run("{\"later\": 7}", CallOptions.none().withEmit(false).withAssign("r").withCount(Count.ALL), one))
        .containsExactly("{\"content\":\"x\",\"r\":[7]}");
    assertThat(run("{\"later\": 7}", CallOptions.none().withEmit(true), items("[{\"content\": \"a\"}, {\"content\": \"b\"}]")))
        .as("emitted, in input order").containsExactly("7", "7");
  }

  @Test
  void assignFollowsTheCountTable() {
    CallOptions assign = CallOptions.none().withEmit(false).withAssign("r");
    assertThat(run("{\"results\": []}", assign, one)).containsExactly("{\"content\":\"x\"}");
    assertThat(run("{\"results\": [1]}", assign, one)).containsExactly("{\"content\":\"x\",\"r\":1}");
    assertThat(run("{\"results\": [1, 2]}", assign, one)).containsExactly("{\"content\":\"x\",\"r\":[1,2]}");
    CallOptions first = assign.withCount(Count.FIRST);
    assertThat(run("{\"results\": []}", first, one)).containsExactly("{\"content\":\"x\"}");
    assertThat(run("{\"results\": [1, 2]}", first, one)).containsExactly("{\"content\":\"x\",\"r\":1}");
    CallOptions all = assign.withCount(Count.ALL);
    assertThat(run("{\"results\": []}", all, one)).containsExactly("{\"content\":\"x\",\"r\":[]}");
    assertThat(run("{\"results\": [1]}", all, one)).containsExactly("{\"content\":\"x\",\"r\":[1]}");
    assertThat(run("{\"single\": 7}", all, one)).containsExactly("{\"content\":\"x\",\"r\":[7]}");
  }

  @Test
  void anEmptyItemWithSeveralAssignedResultsGivesOneItemEach() {
    assertThat(run("{\"results\": [1, 2]}", CallOptions.none().withEmit(false).withAssign("r"), List.of(Item.empty())))
        .containsExactly("{\"r\":1}", "{\"r\":2}");
  }

  @Test
  void emitWithCountFirstKeepsOneResult() {
    assertThat(run("{\"results\": [\"a\", \"b\"]}", CallOptions.none().withCount(Count.FIRST), one)).containsExactly("\"a\"");
  }

  @Test
  void theFieldIsReadAndCastAndAssignMayBeDotted() {
    CallOptions options = CallOptions.none().withField("a.b").withAssign("out.v");
    assertThat(run("{\"field\": true}", options, List.of(item("{\"a\": {\"b\": 3}}"))))
        .containsExactly("{\"a\":{\"b\":3},\"out\":{\"v\":\"3\"}}");
    assertThat(run("{\"field\": true}", CallOptions.none(), List.of(item("{}"))))
        .as("a missing text field reads as the empty string").containsExactly("{\"echo\":\"\"}");
  }

  @Test
  void rawValuesAreSeenAsContent() {
    assertThat(run("{\"field\": true}", CallOptions.none(), List.of(Item.ofValue("hi"))))
        .containsExactly("{\"content\":\"hi\",\"echo\":\"hi\"}");
  }

  @Test
  void skipIfPassesMatchingItemsThroughUntouched() {
    SkipIf skip = SkipIf.rules("echo", Map.of("field", "content", "text", "SKIP"));
    List<Item> input = items("[{\"content\": \"please skip me\"}, {\"content\": \"keep\"}]");
    assertThat(run("{\"single\": 1}", CallOptions.none().withSkipIf(skip), input))
        .containsExactly("{\"content\":\"please skip me\"}", "{\"content\":\"keep\",\"echo\":1}");
    SkipIf noText = SkipIf.rules("echo", Map.of("field", "content"));
    assertThat(run("{\"single\": 1}", CallOptions.none().withSkipIf(noText), items("[{\"content\": \"None here\"}]")))
        .as("QUIRK: a rule without text looks for 'None'").containsExactly("{\"content\":\"None here\"}");
  }

  @Test
  void dynamicConfIsResolvedPerItemAndTerminalsArePulledPerItem() {
    assertThat(run("{\"single\": {\"subkey\": \"n\"}}", CallOptions.none(), items("[{\"n\": 1}, {\"n\": 2}]")))
        .containsExactly("{\"n\":1,\"echo\":1}", "{\"n\":2,\"echo\":2}");
    ModuleCall call = ModuleCall.of("echo", conf("{\"single\": {\"terminal\": \"t\", \"type\": \"int\"}}"))
        .withTerminals(Map.of("t", Flux.just(Item.ofValue(10L), Item.ofValue(20L))));
    StepVerifier.create(Flux.fromIterable(items("[{}, {}, {}]")).transform(echo.create(call)))
        .expectNext(Item.of("echo", 10L), Item.of("echo", 20L), Item.empty())
        .expectComplete().verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void errorsInTheLogicNameTheModuleAndKeepEarlierItems() {
    ProcessorModule failing = new ProcessorModule(ModuleMetadata.transformer("boom", "t"),
        ProcessorSpec.transformer(Map.of(), "content", FieldCast.PASS, "boom")) {
      @Override
      protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
        if (value == null) {
          throw new IllegalStateException("no content");
        }
        return ProcessorResult.of(value);
      }
    };
    StepVerifier.create(ModuleRunner.run(failing, RawConf.empty(), items("[{\"content\": 1}, {}]")))
        .expectNextCount(1)
        .expectErrorMatches(e -> e instanceof ModuleException && e.getMessage().equals("module 'boom': no content"))
        .verify(ModuleRunner.TIMEOUT);
  }

  /** A source whose result for an item arrives after the item's {@code delay} seconds; {@code fail} makes it fail. */
  static final class DelayedSource extends ProcessorModule {
    final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger mostRunning = new java.util.concurrent.atomic.AtomicInteger();

    DelayedSource() {
      super(ModuleMetadata.source("delayed", "test"), ProcessorSpec.source(Map.of()));
    }

    @Override
    protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
      Flux<Object> result = reactor.core.publisher.Mono.delay(java.time.Duration.ofSeconds((Long) item.get("delay")))
          .flatMapMany(tick -> item.get("fail") != null
              ? Flux.<Object>error(new IllegalStateException("failed " + item.get("id")))
              : Flux.<Object>just(item.get("id") + "1", item.get("id") + "2"))
          .doOnSubscribe(s -> mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max))
          .doFinally(signal -> running.decrementAndGet());
      return ProcessorResult.stream(result);
    }
  }

  @Test
  void sourcesRunItemsConcurrentlyAndEmitInInputOrder() {
    DelayedSource source = new DelayedSource();
    ModuleCall call = ModuleCall.of("delayed", RawConf.empty())
        .withContext(ModuleContext.defaults().withConcurrency(2));
    List<Item> input = items("[{\"id\": \"a\", \"delay\": 3}, {\"id\": \"b\", \"delay\": 1}, {\"id\": \"c\", \"delay\": 1}]");
    StepVerifier.withVirtualTime(() -> Flux.fromIterable(input).transform(source.create(call)).map(Item::rawValue))
        .thenAwait(java.time.Duration.ofSeconds(3))
        .expectNext("a1", "a2", "b1", "b2")
        .thenAwait(java.time.Duration.ofSeconds(1))
        .expectNext("c1", "c2")
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    assertThat(source.mostRunning).hasValue(2);
  }

  @Test
  void aFailingItemOfASourceEndsTheStreamOnlyWhenItsTurnComes() {
    DelayedSource source = new DelayedSource();
    ModuleCall call = ModuleCall.of("delayed", RawConf.empty());
    List<Item> input = items("[{\"id\": \"a\", \"delay\": 3}, {\"id\": \"b\", \"delay\": 1, \"fail\": true},"
        + " {\"id\": \"c\", \"delay\": 5}]");
    StepVerifier.withVirtualTime(() -> Flux.fromIterable(input).transform(source.create(call)).map(Item::rawValue))
        .thenAwait(java.time.Duration.ofSeconds(3))
        .expectNext("a1", "a2")
        .expectErrorMatches(e -> e instanceof ModuleException && e.getMessage().equals("module 'delayed': failed b"))
        .verify(ModuleRunner.TIMEOUT);
    assertThat(source.running).as("the item still running after the failure is cancelled").hasValue(0);
  }
}
