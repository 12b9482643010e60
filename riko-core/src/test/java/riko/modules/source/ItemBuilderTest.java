package riko.modules.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.spi.ModuleSubtype;
import riko.testing.ModuleRunner;

class ItemBuilderTest {

  private final ItemBuilder itembuilder = new ItemBuilder();
  private final List<Item> trigger = List.of(Item.empty());

  @Test
  void declaresRikosDefaults() {
    assertThat(itembuilder.name()).isEqualTo("itembuilder");
    assertThat(itembuilder.metadata().subtype()).isEqualTo(ModuleSubtype.SOURCE);
    assertThat(itembuilder.metadata().loopable()).isTrue();
    assertThat(itembuilder.spec().field()).isNull();
    assertThat(itembuilder.spec().assign()).isEqualTo("content");
    assertThat(itembuilder.spec().alwaysEmit()).isTrue();
    assertThat(itembuilder.spec().defaults()).isEmpty();
  }

  @Test
  void buildsOneItemFromASingleAttribute() {
    assertThat(json(itembuilder, conf("{\"attrs\": {\"key\": \"title\", \"value\": \"the title\"}}"), trigger))
        .containsExactly("{\"title\":\"the title\"}");
  }

  @Test
  void dottedKeysNest() {
    assertThat(json(itembuilder, conf("{\"attrs\": [{\"key\": \"title\", \"value\": \"the title\"},"
        + " {\"key\": \"desc.content\", \"value\": \"the desc\"}]}"), trigger))
        .containsExactly("{\"title\":\"the title\",\"desc\":{\"content\":\"the desc\"}}");
  }

  @Test
  void everyKeyIsLowerCased() {
    assertThat(json(itembuilder, conf("{\"attrs\": [{\"key\": \"ATTR1\", \"value\": \"V\"}, {\"key\": \"Meta.Inner\","
        + " \"value\": {\"subkey\": \"m\"}}]}"), items("[{\"m\": {\"DEEP\": {\"Key\": 1}}}]")))
        .containsExactly("{\"attr1\":\"V\",\"meta\":{\"inner\":{\"deep\":{\"key\":1}}}}");
  }

  @Test
  void aLaterDuplicateKeyWinsInTheFirstPosition() {
    assertThat(json(itembuilder, conf("{\"attrs\": [{\"key\": \"a\", \"value\": 1}, {\"key\": \"b\", \"value\": 2},"
        + " {\"key\": \"A\", \"value\": 3}]}"), trigger))
        .containsExactly("{\"a\":3,\"b\":2}");
  }

  @Test
  void dottedKeysWinOverThePlainParentKey() {
    assertThat(json(itembuilder, conf("{\"attrs\": [{\"key\": \"author\", \"value\": \"bar\"},"
        + " {\"key\": \"author.name\", \"value\": \"n\"}]}"), trigger))
        .containsExactly("{\"author\":{\"name\":\"n\"}}");
  }

  @Test
  void conformanceItembuilderStatic() {
    String conf = "{\"attrs\": ["
        + "{\"key\": {\"type\": \"text\", \"value\": \"title\"}, \"value\": {\"type\": \"text\", \"value\": \"hello\"}},"
        + "{\"key\": {\"type\": \"text\", \"value\": \"meta.count\"}, \"value\": {\"type\": \"text\", \"value\": \"3\"}},"
        + "{\"key\": {\"type\": \"text\", \"value\": \"n\"}, \"value\": {\"type\": \"int\", \"value\": 5}},"
        + "{\"key\": {\"type\": \"text\", \"value\": \"flag\"}, \"value\": {\"type\": \"bool\", \"value\": \"true\"}}]}";
    assertThat(json(itembuilder, conf(conf), trigger))
        .containsExactly("{\"title\":\"hello\",\"meta\":{\"count\":\"3\"},\"n\":5,\"flag\":true}");
  }

  @Test
  void conformanceItembuilderFromStreamReplacesEachItem() {
    List<Item> people = items("""
        [{"id": "p1", "name": "Alice Smith", "address": {"city": "Boston", "zip": "02110"}},
         {"id": "p4", "name": "Carlos  Díaz", "tags": ["ops"]}]""");
    String conf = "{\"attrs\": ["
        + "{\"key\": {\"type\": \"text\", \"value\": \"who\"}, \"value\": {\"subkey\": \"name\", \"type\": \"text\"}},"
        + "{\"key\": {\"type\": \"text\", \"value\": \"where\"}, \"value\": {\"subkey\": \"address.city\", \"type\": \"text\"}},"
        + "{\"key\": {\"type\": \"text\", \"value\": \"const\"}, \"value\": {\"type\": \"text\", \"value\": \"x\"}}]}";
    assertThat(json(itembuilder, conf(conf), people)).containsExactly(
        "{\"who\":\"Alice Smith\",\"where\":\"Boston\",\"const\":\"x\"}",
        "{\"who\":\"Carlos  Díaz\",\"where\":null,\"const\":\"x\"}");
  }

  @Test
  void conformanceYahooB96287458() {
    String conf = "{\"attrs\": ["
        + "{\"key\": {\"type\": \"text\", \"value\": \"attr1\"}, \"value\": {\"type\": \"text\", \"value\": \"val1\"}},"
        + "{\"key\": {\"type\": \"text\", \"value\": \"attrpath.attr2\"}, \"value\": {\"type\": \"text\", \"value\": \"val2\"}},"
        + "{\"key\": {\"type\": \"text\", \"value\": \"attrpath.attr3\"}, \"value\": {\"terminal\": \"attrs_3_value\", \"type\": \"text\"}},"
        + "{\"key\": {\"type\": \"text\", \"value\": \"longpath.attrpath.attr3\"}, \"value\": {\"type\": \"text\", \"value\": \"val3\"}}]}";
    ModuleCall call = ModuleCall.of("itembuilder", conf(conf))
        .withTerminals(Map.of("attrs_3_value", Flux.just(Item.ofValue("extVal"))));
    assertThat(ModuleRunner.run(itembuilder, call, trigger).map(riko.json.ItemJson::toJson).collectList().block(ModuleRunner.TIMEOUT))
        .containsExactly("{\"attr1\":\"val1\",\"attrpath\":{\"attr2\":\"val2\",\"attr3\":\"extVal\"},"
            + "\"longpath\":{\"attrpath\":{\"attr3\":\"val3\"}}}");
  }

  @Test
  void emptyAttrsBuildsAnEmptyItem() {
    assertThat(json(itembuilder, conf("{\"attrs\": []}"), trigger)).containsExactly("{}");
  }

  @Test
  void emitFalseAssignsTheBuiltItemUnderContent() {
    assertThat(json(itembuilder, conf("{\"attrs\": {\"key\": \"k\", \"value\": \"v\"}}"), CallOptions.none().withEmit(false),
        items("[{\"x\": 1}]")))
        .containsExactly("{\"x\":1,\"content\":{\"k\":\"v\"}}");
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(json(itembuilder, conf("{\"attrs\": {\"key\": \"k\", \"value\": \"v\"}}"), List.of())).isEmpty();
  }

  @Test
  void missingAttrsFailsAtAssembly() {
    assertThatThrownBy(() -> itembuilder.create(ModuleCall.of("itembuilder", conf("{}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("'attrs'")
        .hasMessageContaining("required");
  }

  @Test
  void anAttributeWithoutKeyFailsAtAssembly() {
    assertThatThrownBy(() -> itembuilder.create(ModuleCall.of("itembuilder", conf("{\"attrs\": [{\"value\": \"v\", \"x\": 1}]}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("key");
  }

  @Test
  void anAttributeThatIsNotAMapFailsAtAssembly() {
    assertThatThrownBy(() -> itembuilder.create(ModuleCall.of("itembuilder", conf("{\"attrs\": [\"title\"]}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("attrs");
  }

  @Test
  void aDynamicAttributeWithoutKeyFailsWhenTheItemIsProcessed() {
    ModuleCall call = ModuleCall.of("itembuilder", conf("{\"attrs\": {\"key\": {\"subkey\": \"k\"}, \"value\": 1}}"));
    StepVerifier.create(Flux.fromIterable(items("[{\"k\": \"a\"}, {\"j\": \"b\"}]")).transform(itembuilder.create(call)))
        .expectNext(Item.of("a", 1L))
        .expectError(ConfException.class)
        .verify(ModuleRunner.TIMEOUT);
  }
}
