package riko.modules.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.testing.ModuleRunner;

class RenameTest {

  private final Rename rename = new Rename();

  @Test
  void declaresRikosDefaults() {
    assertThat(rename.name()).isEqualTo("rename");
    assertThat(rename.metadata().loopable()).isTrue();
    assertThat(rename.spec().field()).isNull();
    assertThat(rename.spec().assign()).isEqualTo("rename");
    assertThat(rename.spec().alwaysEmit()).isTrue();
    assertThat(rename.spec().defaults()).isEmpty();
  }

  @Test
  void movesAField() {
    assertThat(json(rename, conf("{\"rule\": {\"field\": \"content\", \"newval\": \"greeting\"}}"),
        items("[{\"content\": \"hello world\"}]")))
        .containsExactly("{\"greeting\":\"hello world\"}");
  }

  @Test
  void withoutNewvalDeletesTheField() {
    assertThat(json(rename, conf("{\"rule\": {\"field\": \"content\"}}"), items("[{\"content\": \"hello world\"}]")))
        .containsExactly("{}");
    assertThat(json(rename, conf("{\"rule\": {\"field\": \"content\", \"newval\": \"\"}}"), items("[{\"content\": \"x\", \"k\": 1}]")))
        .containsExactly("{\"k\":1}");
  }

  @Test
  void copyKeepsTheOriginal() {
    assertThat(json(rename, conf("{\"rule\": {\"field\": \"content\", \"newval\": \"greeting\", \"copy\": true}}"),
        items("[{\"content\": \"hello world\"}]")))
        .containsExactly("{\"content\":\"hello world\",\"greeting\":\"hello world\"}");
  }

  @Test
  void aDottedFieldIsReadButNotRemoved() {
    assertThat(json(rename, conf("{\"rule\": {\"field\": \"a.b\", \"newval\": \"c\"}}"), items("[{\"a\": {\"b\": 1}}]")))
        .containsExactly("{\"a\":{\"b\":1},\"c\":1}");
  }

  @Test
  void topLevelRemovalIsCaseSensitiveButTheReadIsNot() {
    assertThat(json(rename, conf("{\"rule\": {\"field\": \"Title\", \"newval\": \"name\"}}"), items("[{\"title\": \"x\"}]")))
        .containsExactly("{\"title\":\"x\",\"name\":\"x\"}");
  }

  @Test
  void renamingAMissingFieldWritesNull() {
    assertThat(json(rename, conf("{\"rule\": {\"field\": \"b\", \"newval\": \"c\"}}"), items("[{\"a\": 1}]")))
        .containsExactly("{\"a\":1,\"c\":null}");
  }

  @Test
  void newvalIsAPathWrite() {
    assertThat(json(rename, conf("{\"rule\": {\"field\": \"x\", \"newval\": \"meta.y\"}}"), items("[{\"x\": 1, \"meta\": {\"z\": 2}}]")))
        .containsExactly("{\"meta\":{\"z\":2,\"y\":1}}");
  }

  @Test
  void rulesApplyInOrderEachToThePreviousResult() {
    assertThat(json(rename, conf("{\"rule\": [{\"field\": \"a\", \"newval\": \"b\"}, {\"field\": \"b\", \"newval\": \"c\"}]}"),
        items("[{\"a\": 1}]")))
        .containsExactly("{\"c\":1}");
  }

  @Test
  void conformanceRenameCopyDelete() {
    List<Item> people = items("""
        [{"id": "p1", "name": "Alice Smith", "tags": ["admin", "dev"], "address": {"city": "Boston", "zip": "02110"}, "note": "likes tea"},
         {"id": "p4", "name": "Carlos  Díaz", "tags": ["ops", "dev", "admin"], "email": "carlos@example.com"},
         {"id": "p5", "name": "dana", "address": {"city": "Denver"}}]""");
    String conf = "{\"rule\": [{\"field\": {\"type\": \"text\", \"value\": \"name\"}, \"newval\": {\"type\": \"text\", \"value\": \"full_name\"}},"
        + " {\"field\": {\"type\": \"text\", \"value\": \"address.city\"}, \"newval\": {\"type\": \"text\", \"value\": \"town\"},"
        + " \"copy\": {\"type\": \"bool\", \"value\": true}}, {\"field\": {\"type\": \"text\", \"value\": \"tags\"}}]}";
    assertThat(json(rename, conf(conf), people)).containsExactly(
        "{\"id\":\"p1\",\"address\":{\"city\":\"Boston\",\"zip\":\"02110\"},\"note\":\"likes tea\",\"full_name\":\"Alice Smith\",\"town\":\"Boston\"}",
        "{\"id\":\"p4\",\"email\":\"carlos@example.com\",\"full_name\":\"Carlos  Díaz\",\"town\":null}",
        "{\"id\":\"p5\",\"address\":{\"city\":\"Denver\"},\"full_name\":\"dana\",\"town\":\"Denver\"}");
  }

  @Test
  void ruleValuesMayReferToTheItem() {
    assertThat(json(rename, conf("{\"rule\": {\"field\": \"x\", \"newval\": {\"subkey\": \"target\"}}}"),
        items("[{\"x\": 1, \"target\": \"one\"}, {\"x\": 2, \"target\": \"two\"}]")))
        .containsExactly("{\"target\":\"one\",\"one\":1}", "{\"target\":\"two\",\"two\":2}");
  }

  @Test
  void emitFalseAssignsTheRenamedItem() {
    assertThat(json(rename, conf("{\"rule\": {\"field\": \"a\", \"newval\": \"b\"}}"), CallOptions.none().withEmit(false),
        items("[{\"a\": 1}]")))
        .containsExactly("{\"a\":1,\"rename\":{\"b\":1}}");
  }

  @Test
  void aFieldOptionRenamesInsideThatMap() {
    assertThat(json(rename, conf("{\"rule\": {\"field\": \"a\", \"newval\": \"b\"}}"), CallOptions.none().withField("inner"),
        items("[{\"inner\": {\"a\": 1}, \"other\": 2}]")))
        .containsExactly("{\"b\":1}");
  }

  @Test
  void aFieldOptionOnANonMapFailsTheItem() {
    ModuleCall call = ModuleCall.of("rename", conf("{\"rule\": {\"field\": \"a\"}}")).withOptions(CallOptions.none().withField("s"));
    StepVerifier.create(Flux.fromIterable(items("[{\"s\": {\"a\": 1}}, {\"s\": \"text\"}]")).transform(rename.create(call)))
        .expectNext(Item.empty())
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class).hasMessageContaining("'s'"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(json(rename, conf("{\"rule\": {\"field\": \"a\"}}"), List.of())).isEmpty();
  }

  @Test
  void missingRuleFailsAtAssembly() {
    assertThatThrownBy(() -> rename.create(ModuleCall.of("rename", conf("{}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("'rule'")
        .hasMessageContaining("required");
  }

  @Test
  void aRuleWithoutFieldFailsAtAssembly() {
    assertThatThrownBy(() -> rename.create(ModuleCall.of("rename", conf("{\"rule\": [{\"newval\": \"x\"}]}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("field");
  }

  @Test
  void aRuleThatIsNotAMapFailsAtAssembly() {
    assertThatThrownBy(() -> rename.create(ModuleCall.of("rename", conf("{\"rule\": [\"title\"]}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("rule");
  }

  @Test
  void aDynamicRuleWithoutFieldFailsWhenTheItemIsProcessed() {
    ModuleCall call = ModuleCall.of("rename", conf("{\"rule\": {\"field\": {\"subkey\": \"f\"}, \"newval\": \"n\"}}"));
    StepVerifier.create(Flux.fromIterable(items("[{\"f\": \"a\", \"a\": 1}, {\"a\": 2}]")).transform(rename.create(call)))
        .expectNext(Item.of("f", "a").put("n", 1L))
        .expectError(ConfException.class)
        .verify(ModuleRunner.TIMEOUT);
  }
}
