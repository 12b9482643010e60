package riko.modules.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.conf.Count;
import riko.conf.RawConf;
import riko.item.Item;
import riko.json.ItemJson;
import riko.modules.processor.Regex;
import riko.modules.processor.StrConcat;
import riko.modules.processor.StrTransform;
import riko.modules.processor.Tokenizer;
import riko.modules.processor.Udf;
import riko.modules.source.Forever;
import riko.modules.source.Input;
import riko.pipe.Pipe;
import riko.pipeline.Pipeline;
import riko.pipeline.PipelineDefinition;
import riko.pipeline.PipelineReader;
import riko.registry.ModuleRegistry;
import riko.registry.UnknownModuleException;
import riko.spi.ItemTransformer;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.spi.ModuleMetadata;
import riko.spi.ModuleType;
import riko.spi.RikoModule;
import riko.spi.UserFunction;
import riko.testing.ModuleRunner;

class LoopTest {

  private final Loop loop = new Loop();

  private static ModuleCall call(RikoModule embed, String conf, CallOptions options) {
    return ModuleCall.of("loop", conf(conf)).withOptions(options).withEmbed(embed).withContext(ModuleRunner.context());
  }

  private List<String> run(RikoModule embed, String conf, CallOptions options, String input) {
    List<Item> out = ModuleRunner.run(loop, call(embed, conf, options), items(input)).collectList().block(ModuleRunner.TIMEOUT);
    return out == null ? List.of() : out.stream().map(ItemJson::toJson).toList();
  }

  private static CallOptions opts() {
    return CallOptions.none();
  }

  // --- the spec's examples (modules.md, loop).

  @Test
  void specRegexEmbedEmitsTheRewrittenItems() {
    assertThat(run(new Regex(), "{\"rule\": [{\"field\": \"title\", \"match\": \"l\", \"replace\": \"L\"}]}",
        opts().withEmit(true), "[{\"title\": \"hello\"}, {\"title\": \"yellow\"}]"))
        .containsExactly("{\"title\":\"heLLo\"}", "{\"title\":\"yeLLow\"}");
  }

  @Test
  void theFuncOptionReachesAnEmbeddedUdf() {
    CallOptions options = opts().withEmit(false).withAssign("y")
        .withFunc(UserFunction.perItem(item -> Item.of("y", ((Long) item.get("x")) + 3)));
    assertThat(run(new Udf(), "{}", options, "[{\"x\": 1}, {\"x\": 2}]"))
        .containsExactly("{\"x\":1,\"y\":{\"y\":4}}", "{\"x\":2,\"y\":{\"y\":5}}");
  }

  @Test
  void specTokenizerCountAllEmitsEveryToken() {
    assertThat(run(new Tokenizer(), "{\"delimiter\": \" \"}", opts().withField("title").withCount(Count.ALL).withEmit(true),
        "[{\"title\": \"a b\"}, {\"title\": \"c d\"}]"))
        .containsExactly("{\"content\":\"a\"}", "{\"content\":\"b\"}", "{\"content\":\"c\"}", "{\"content\":\"d\"}");
  }

  @Test
  void specTokenizerCountFirstEmitsTheFirstTokenPerItem() {
    assertThat(run(new Tokenizer(), "{\"delimiter\": \" \"}", opts().withField("title").withCount(Count.FIRST).withEmit(true),
        "[{\"title\": \"a b\"}, {\"title\": \"c d\"}]"))
        .containsExactly("{\"content\":\"a\"}", "{\"content\":\"c\"}");
  }

  @Test
  void specCountFirstInAssignModeStoresTheFirstResult() {
    assertThat(run(new Tokenizer(), "{\"delimiter\": \" \"}",
        opts().withField("title").withCount(Count.FIRST).withEmit(false).withAssign("first"),
        "[{\"title\": \"a b\"}, {\"title\": \"c d\"}]"))
        .containsExactly("{\"title\":\"a b\",\"first\":{\"content\":\"a\"}}", "{\"title\":\"c d\",\"first\":{\"content\":\"c\"}}");
  }

  @Test
  void specAssignModeYieldsOneCopyPerResult() {
    assertThat(run(new Tokenizer(), "{\"delimiter\": \" \"}",
        opts().withField("title").withCount(Count.ALL).withEmit(false).withAssign("x"),
        "[{\"title\": \"a b\"}, {\"title\": \"c d\"}]"))
        .containsExactly("{\"title\":\"a b\",\"x\":{\"content\":\"a\"}}", "{\"title\":\"a b\",\"x\":{\"content\":\"b\"}}",
            "{\"title\":\"c d\",\"x\":{\"content\":\"c\"}}", "{\"title\":\"c d\",\"x\":{\"content\":\"d\"}}");
  }

  @Test
  void specAssignModeKeepsAnItemWithoutResultsUnchanged() {
    assertThat(run(new Tokenizer(), "{\"delimiter\": \" \"}", opts().withField("title").withEmit(false).withAssign("w"),
        "[{\"title\": \"\"}, {\"title\": \"x y\"}]"))
        .containsExactly("{\"title\":\"\"}", "{\"title\":\"x y\",\"w\":{\"content\":\"x\"}}",
            "{\"title\":\"x y\",\"w\":{\"content\":\"y\"}}");
  }

  @Test
  void specStrconcatEmitsRawStringsResolvedAgainstEachItem() {
    List<Item> out = ModuleRunner.run(loop, call(new StrConcat(),
            "{\"part\": [{\"type\": \"text\", \"subkey\": \"title\"}, {\"type\": \"text\", \"value\": \"!\"}]}",
            opts().withEmit(true)),
        items("[{\"title\": \"aa\"}, {\"title\": \"bb\"}]")).collectList().block(ModuleRunner.TIMEOUT);
    assertThat(out).extracting(Item::isRaw).containsExactly(true, true);
    assertThat(out).extracting(Item::rawValue).containsExactly("aa!", "bb!");
  }

  // --- options and defaults

  @Test
  void emitIsTheDefaultAndItemsWithoutResultsDisappear() {
    assertThat(run(new Tokenizer(), "{\"delimiter\": \" \"}", opts().withField("title"),
        "[{\"title\": \"\"}, {\"title\": \"x\"}]"))
        .containsExactly("{\"content\":\"x\"}");
  }

  @Test
  void assignDefaultsToLoop() {
    assertThat(run(new StrTransform(), "{\"rule\": {\"transform\": \"upper\"}}", opts().withField("name").withEmit(false),
        "[{\"name\": \"ada\"}]"))
        .containsExactly("{\"name\":\"ada\",\"loop\":\"ADA\"}");
  }

  @Test
  void aDottedAssignNestsTheResult() {
    assertThat(run(new StrTransform(), "{\"rule\": {\"transform\": \"upper\"}}",
        opts().withField("name").withEmit(false).withAssign("shout.name"), "[{\"name\": \"ada\"}]"))
        .containsExactly("{\"name\":\"ada\",\"shout\":{\"name\":\"ADA\"}}");
  }

  @Test
  void assignIsIgnoredWhenEmitting() {
    assertThat(run(new StrTransform(), "{\"rule\": {\"transform\": \"upper\"}}",
        opts().withField("name").withEmit(true).withAssign("ignored"), "[{\"name\": \"ada\"}]"))
        .containsExactly("\"ADA\"");
  }

  @Test
  void withoutFieldTheEmbedReadsItsOwnDefaultField() {
    // tokenizer's field defaults to content; a bare input value reads as {"content": value}
    assertThat(run(new Tokenizer(), "{\"delimiter\": \" \"}", opts().withEmit(false).withAssign("t"), "[\"p q\"]"))
        .containsExactly("{\"content\":\"p q\",\"t\":{\"content\":\"p\"}}", "{\"content\":\"p q\",\"t\":{\"content\":\"q\"}}");
  }

  @Test
  void anEmptyFieldMeansTheEmbedsDefaultField() {
    assertThat(run(new Tokenizer(), "{\"delimiter\": \" \"}", opts().withField(""), "[{\"content\": \"p q\", \"other\": \"r s\"}]"))
        .containsExactly("{\"content\":\"p\"}", "{\"content\":\"q\"}");
  }

  @Test
  void theEmbedAlwaysEmitsWhateverItsOwnDefault() {
    // strtransform on its own would assign its text result; inside a loop it emits it
    assertThat(run(new StrTransform(), "{\"rule\": {\"transform\": \"upper\"}}", opts().withField("name"),
        "[{\"name\": \"ada\"}, {\"name\": \"bob\"}]"))
        .containsExactly("\"ADA\"", "\"BOB\"");
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(run(new Tokenizer(), "{}", opts(), "[]")).isEmpty();
  }

  @Test
  void terminalReferencesInTheConfAreNotResolvedQuirk() {
    // riko hands the embed no wired streams, so the raw {"terminal": ...} map reaches it
    ModuleCall wired = call(new Tokenizer(), "{\"delimiter\": {\"terminal\": \"sep\", \"type\": \"text\"}}", opts())
        .withTerminals(Map.of("sep", Flux.just(Item.ofValue(" "))));
    assertThatThrownBy(() -> loop.create(wired))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("delimiter")
        .hasMessageContaining("terminal");
  }

  // --- laziness, order, cancellation

  @Test
  void countFirstCancelsAnEndlessEmbed() {
    StepVerifier.create(ModuleRunner.run(loop, call(new Forever(), "{}", opts().withCount(Count.FIRST).withEmit(false)),
            items("[{\"n\": 1}, {\"n\": 2}]")))
        .expectNext(Item.of("n", 1L).with("loop", Item.of("forever", true)))
        .expectNext(Item.of("n", 2L).with("loop", Item.of("forever", true)))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void cancellingTheOutputStopsAnEndlessEmbed() {
    StepVerifier.create(ModuleRunner.run(loop, call(new Forever(), "{}", opts()), items("[{\"n\": 1}]")).take(3))
        .expectNextCount(3)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void parentsAreRequestedOneAtATime() {
    List<Long> requests = new ArrayList<>();
    AtomicInteger produced = new AtomicInteger();
    Flux<Item> parents = Flux.<Item>generate(sink -> sink.next(Item.of("title", "a b " + produced.incrementAndGet())))
        .doOnRequest(requests::add);
    Flux<Item> out = parents.transform(loop.create(call(new Tokenizer(), "{\"delimiter\": \" \"}", opts().withField("title"))));
    StepVerifier.create(out, 4)
        .expectNextCount(4)
        .thenCancel()
        .verify(ModuleRunner.TIMEOUT);
    assertThat(requests).containsOnly(1L);
    assertThat(produced.get()).isLessThanOrEqualTo(2);
  }

  @Test
  void anEmbedErrorEndsTheOutputAfterTheItemsAlreadyEmitted() {
    Flux<Item> out = ModuleRunner.run(loop, call(new Tokenizer(), "{\"delimiter\": {\"subkey\": \"sep\"}}", opts().withField("t")),
        items("[{\"t\": \"a-b\", \"sep\": \"-\"}, {\"t\": \"c\", \"sep\": \"\"}, {\"t\": \"d-e\", \"sep\": \"-\"}]"));
    StepVerifier.create(out)
        .expectNext(Item.of("content", "a"), Item.of("content", "b"))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfException.class)
            .hasMessageContaining("tokenizer (embedded in loop)").hasMessageContaining("delimiter"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void upstreamErrorsPassThroughUnchanged() {
    IllegalStateException boom = new IllegalStateException("boom");
    Flux<Item> failing = Flux.concat(Flux.just(Item.of("title", "a")), Flux.error(boom));
    StepVerifier.create(failing.transform(loop.create(call(new Tokenizer(), "{}", opts().withField("title")))))
        .expectNext(Item.of("content", "a"))
        .expectErrorMatches(e -> e == boom)
        .verify(ModuleRunner.TIMEOUT);
  }

  // --- errors at assembly

  @Test
  void aLoopWithoutEmbedFailsAtAssemblyNamingTheLoop() {
    assertThatThrownBy(() -> loop.create(ModuleCall.of("loop (sw_2)", RawConf.empty())))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("loop (sw_2)")
        .hasMessageContaining("embed");
  }

  @Test
  void aNonLoopableEmbedFailsAtAssemblyNamingIt() {
    assertThatThrownBy(() -> loop.create(ModuleCall.of("loop (sw_2)", RawConf.empty()).withEmbed(new riko.modules.operator.Count())))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("loop (sw_2)")
        .hasMessageContaining("'count'")
        .hasMessageContaining("not loopable");
    assertThatThrownBy(() -> loop.create(ModuleCall.of("loop", RawConf.empty()).withEmbed(new Input())))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("'input'");
  }

  @Test
  void theEmbedsStaticConfIsCheckedAtAssembly() {
    assertThatThrownBy(() -> loop.create(call(new Tokenizer(), "{\"delimiter\": \"\"}", opts())))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("tokenizer (embedded in loop)")
        .hasMessageContaining("delimiter");
  }

  @Test
  void metadataIsAComposerThatIsNotLoopable() {
    assertThat(loop.metadata().type()).isEqualTo(ModuleType.OPERATOR);
    assertThat(loop.metadata().subtype()).hasToString("COMPOSER");
    assertThat(loop.metadata().loopable()).isFalse();
    assertThat(loop.metadata().pollable()).isFalse();
  }

  // --- pipelines

  private static String wire(String id, String src, String port, String tgt) {
    return "{\"id\": \"%s\", \"src\": {\"id\": \"_OUTPUT\", \"moduleid\": \"%s\"}, \"tgt\": {\"id\": \"%s\", \"moduleid\": \"%s\"}}"
        .formatted(id, src, port, tgt);
  }

  private static String looped(String loopModule) {
    return """
        {"modules": [
          {"id": "ib", "type": "itembuilder", "conf": {"attrs": [{"key": "name", "value": "Ada Lovelace"}]}},
          %s,
          {"id": "_OUTPUT", "type": "output", "conf": {}}],
         "wires": [%s, %s]}
        """.formatted(loopModule, wire("w1", "ib", "_INPUT", "lp"), wire("w2", "lp", "_INPUT", "_OUTPUT"));
  }

  private static List<String> json(Pipeline pipeline) {
    return pipeline.toList().stream().map(ItemJson::toJson).toList();
  }

  @Test
  void thePipelinesSpecExampleGreetsEachItemOfAUnion() {
    // pipelines.md 5.3: union of two items, then a loop over strconcat with count first and assign
    String json = """
        {"modules": [
          {"id": "ib1", "type": "itembuilder", "conf": {"attrs": [{"key": {"type": "text", "value": "name"}, "value": {"type": "text", "value": "Ada"}}]}},
          {"id": "ib2", "type": "itembuilder", "conf": {"attrs": [{"key": {"type": "text", "value": "name"}, "value": {"type": "text", "value": "Grace"}}]}},
          {"id": "uni", "type": "union", "conf": {}},
          {"id": "lp", "type": "loop",
           "conf": {"part": [{"type": "text", "value": "Hello, "}, {"subkey": "name", "type": "text"}, "!"]},
           "embed": {"id": "lp-embed", "type": "strconcat"},
           "emit": false, "assign": "greeting", "count": "first"},
          {"id": "_OUTPUT", "type": "output", "conf": {}}],
         "wires": [%s, %s, %s, %s]}
        """.formatted(wire("w1", "ib1", "_INPUT", "uni"), wire("w2", "ib2", "_OTHER1", "uni"),
        wire("w3", "uni", "_INPUT", "lp"), wire("w4", "lp", "_INPUT", "_OUTPUT"));
    assertThat(json(Pipeline.of(PipelineReader.parse("greet.json", json))))
        .containsExactly("{\"name\":\"Ada\",\"greeting\":\"Hello, Ada!\"}", "{\"name\":\"Grace\",\"greeting\":\"Hello, Grace!\"}");
  }

  @Test
  void aPipelineLoopTakesFieldCountEmitAndAssignFromTheModuleObject() {
    String lp = """
        {"id": "lp", "type": "loop", "conf": {"delimiter": {"type": "text", "value": " "}},
         "embed": {"id": "sw-9", "type": "tokenizer"}, "field": "name", "emit": false, "assign": "part", "count": "all"}""";
    assertThat(json(Pipeline.of(PipelineReader.parse("loop.json", looped(lp)))))
        .containsExactly("{\"name\":\"Ada Lovelace\",\"part\":{\"content\":\"Ada\"}}",
            "{\"name\":\"Ada Lovelace\",\"part\":{\"content\":\"Lovelace\"}}");
  }

  @Test
  void aSubPipelineEmbedRunsPerItemIgnoringConfAndField() {
    PipelineDefinition shout = PipelineReader.parse("pipe_shout.json", """
        {"modules": [
          {"id": "sw-1", "type": "strtransform", "conf": {"rule": {"transform": "upper"}}, "field": "name", "assign": "shout", "emit": false},
          {"id": "_OUTPUT", "type": "output", "conf": {}}],
         "wires": [%s]}
        """.formatted(wire("w1", "sw-1", "_INPUT", "_OUTPUT")));
    String lp = """
        {"id": "lp", "type": "loop", "conf": {"rule": {"transform": "lower"}}, "field": "nothing",
         "embed": {"id": "sw-3", "type": "pipe:shout"}, "emit": true}""";
    Pipeline pipeline = Pipeline.of(PipelineReader.parse("loop.json", looped(lp)))
        .withSubPipelines(name -> name.equals("pipe_shout") ? Optional.of(shout) : Optional.empty());
    assertThat(json(pipeline)).containsExactly("{\"name\":\"Ada Lovelace\",\"shout\":\"ADA LOVELACE\"}");
  }

  @Test
  void anUnknownSubPipelineEmbedFailsAtAssembly() {
    String lp = "{\"id\": \"lp\", \"type\": \"loop\", \"conf\": {}, \"embed\": {\"id\": \"e\", \"type\": \"pipe:nowhere\"}}";
    assertThatThrownBy(() -> Pipeline.of(PipelineReader.parse("loop.json", looped(lp))).flux())
        .hasMessageContaining("pipe:nowhere")
        .hasMessageContaining("'lp'");
  }

  @Test
  void anUnknownEmbedTypeFailsAtAssemblyNamingTheLoop() {
    String lp = "{\"id\": \"lp\", \"type\": \"loop\", \"conf\": {}, \"embed\": {\"id\": \"e\", \"type\": \"nosuchmodule\"}}";
    assertThatThrownBy(() -> Pipeline.of(PipelineReader.parse("loop.json", looped(lp))).flux())
        .isInstanceOf(UnknownModuleException.class)
        .hasMessageContaining("nosuchmodule")
        .hasMessageContaining("'lp'");
  }

  @Test
  void aNonLoopableEmbedInAPipelineFailsAtAssemblyNamingLoopAndEmbed() {
    String lp = "{\"id\": \"sw-2\", \"type\": \"loop\", \"conf\": {}, \"embed\": {\"id\": \"e\", \"type\": \"count\"}}";
    assertThatThrownBy(() -> Pipeline.of(PipelineReader.parse("loop.json", looped(lp.replace("sw-2", "lp")))).flux())
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("loop (lp)")
        .hasMessageContaining("'count'");
  }

  @Test
  void aPipelineLoopWithoutEmbedFailsAtAssembly() {
    String lp = "{\"id\": \"lp\", \"type\": \"loop\", \"conf\": {}}";
    assertThatThrownBy(() -> Pipeline.of(PipelineReader.parse("loop.json", looped(lp))).flux())
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("loop (lp)")
        .hasMessageContaining("embed");
  }

  // --- the fluent API

  @Test
  void pipeLoopEmbedsAModuleByName() {
    Pipe pipe = Pipe.from(List.of(Map.of("name", "Ada Lovelace"), Map.of("name", "Grace")))
        .loop("tokenizer", Map.of("delimiter", " "), CallOptions.none().withField("name").withEmit(false).withAssign("part")
            .withCount(Count.FIRST));
    assertThat(pipe.toList()).extracting(ItemJson::toJson)
        .containsExactly("{\"name\":\"Ada Lovelace\",\"part\":{\"content\":\"Ada\"}}", "{\"name\":\"Grace\",\"part\":{\"content\":\"Grace\"}}");
  }

  @Test
  void pipeLoopRunsATemplateChainPerItem() {
    Pipe template = Pipe.start()
        .tokenizer(Map.of("delimiter", " "), CallOptions.none().withField("name").withEmit(true))
        .strtransform(Map.of("rule", Map.of("transform", "upper")), CallOptions.none().withAssign("content"));
    Pipe pipe = Pipe.from(List.of(Map.of("name", "ada b"), Map.of("name", "")))
        .loop(template, CallOptions.none().withEmit(false).withAssign("up"));
    assertThat(pipe.toList()).extracting(ItemJson::toJson)
        .containsExactly("{\"name\":\"ada b\",\"up\":{\"content\":\"ADA\"}}", "{\"name\":\"ada b\",\"up\":{\"content\":\"B\"}}",
            "{\"name\":\"\"}");
    assertThat(template.toList()).isEmpty(); // the template itself is unchanged: run alone it has no input items
  }

  /** strtransform, counting how often it is assembled. */
  private static final class CountedStrTransform implements RikoModule {
    private final StrTransform inner = new StrTransform();
    private final AtomicInteger creates = new AtomicInteger();

    @Override
    public ModuleMetadata metadata() {
      return inner.metadata();
    }

    @Override
    public ItemTransformer create(ModuleCall call) {
      creates.incrementAndGet();
      return inner.create(call);
    }
  }

  /** How often a looped template's module is assembled to run {@code names} through the loop. */
  private static int templateAssemblies(List<String> names) {
    CountedStrTransform upper = new CountedStrTransform();
    Pipe template = Pipe.start().pipe(upper, Map.of("rule", Map.of("transform", "upper")), CallOptions.none().withField("name"));
    List<Item> out = Pipe.from(names.stream().map(name -> Map.of("name", name)).toList())
        .loop(template, CallOptions.none().withEmit(false).withAssign("up"))
        .toList();
    assertThat(out).extracting(item -> item.get("up.strtransform")).containsExactlyElementsOf(names.stream().map(String::toUpperCase).toList());
    return upper.creates.get();
  }

  @Test
  void aTemplateIsAssembledOncePerRunNotOncePerItem() {
    assertThat(templateAssemblies(List.of("a", "b", "c", "d", "e"))).isEqualTo(templateAssemblies(List.of("a")));
  }

  /** How often a looped sub-pipeline's module is assembled to run the words of {@code words} through the loop. */
  private static int subPipelineAssemblies(String words) {
    CountedStrTransform counted = new CountedStrTransform();
    PipelineDefinition shout = PipelineReader.parse("pipe_shout.json", """
        {"modules": [
          {"id": "sw-1", "type": "strtransform", "conf": {"rule": {"transform": "upper"}}},
          {"id": "_OUTPUT", "type": "output", "conf": {}}],
         "wires": [%s]}
        """.formatted(wire("w1", "sw-1", "_INPUT", "_OUTPUT")));
    String definition = """
        {"modules": [
          {"id": "ib", "type": "itembuilder", "conf": {"attrs": [{"key": "content", "value": "%s"}]}},
          {"id": "tk", "type": "tokenizer", "conf": {"delimiter": " "}, "emit": true},
          {"id": "lp", "type": "loop", "conf": {}, "embed": {"id": "sw-3", "type": "pipe:shout"}, "emit": true},
          {"id": "_OUTPUT", "type": "output", "conf": {}}],
         "wires": [%s, %s, %s]}
        """.formatted(words, wire("w1", "ib", "_INPUT", "tk"), wire("w2", "tk", "_INPUT", "lp"), wire("w3", "lp", "_INPUT", "_OUTPUT"));
    ModuleRegistry registry = ModuleRegistry.builder().discover(LoopTest.class.getClassLoader()).replace(counted).build();
    Pipeline pipeline = Pipeline.of(PipelineReader.parse("loop.json", definition)).withRegistry(registry)
        .withSubPipelines(name -> name.equals("pipe_shout") ? Optional.of(shout) : Optional.empty());
    assertThat(json(pipeline)).containsExactlyElementsOf(
        List.of(words.split(" ")).stream().map(word -> "{\"content\":\"" + word + "\",\"strtransform\":\"" + word.toUpperCase() + "\"}").toList());
    return counted.creates.get();
  }

  @Test
  void aSubPipelineEmbedIsCheckedOncePerRunNotOncePerItem() {
    // Each item runs the sub-pipeline, which assembles its modules for that run; checking the
    // sub-pipeline (every module's conf, the wiring) happens once, not again per item.
    assertThat(subPipelineAssemblies("a b c d e") - subPipelineAssemblies("a")).as("assemblies for 4 more items").isEqualTo(4);
  }

  @Test
  void pipeLoopRejectsUnknownAndNonLoopableEmbedsAndTemplatesWithASource() {
    Pipe items = Pipe.from(List.of(Map.of("a", 1)));
    assertThatThrownBy(() -> items.loop("nope", Map.of(), CallOptions.none())).isInstanceOf(UnknownModuleException.class);
    assertThatThrownBy(() -> items.loop("sort", Map.of(), CallOptions.none())).isInstanceOf(ConfException.class)
        .hasMessageContaining("'sort'");
    assertThatThrownBy(() -> items.loop(Pipe.from(List.of("x")).reverse(), CallOptions.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Pipe.start()");
  }

  @Test
  void runtimeErrorsOfTheEmbedNameIt() {
    Flux<Item> out = ModuleRunner.run(loop, call(new riko.modules.processor.SimpleMath(), "{\"op\": \"divide\", \"other\": 0}",
        opts().withField("n")), items("[{\"n\": 1}]"));
    StepVerifier.create(out)
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class).hasMessageContaining("simplemath"))
        .verify(ModuleRunner.TIMEOUT);
  }
}
