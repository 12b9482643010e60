package riko.modules.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.ConfException;
import riko.item.Item;
import riko.json.ItemJson;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.testing.ModuleRunner;

class SortTest {

  private final Sort sort = new Sort();

  private List<String> run(String conf, String input) {
    return json(sort, conf(conf), items(input));
  }

  private static List<String> lines(String jsonArray) {
    return items(jsonArray).stream().map(ItemJson::toJson).toList();
  }

  private static String people(String... records) {
    return "[" + String.join(",", records) + "]";
  }

  static Stream<Arguments> specExamples() {
    return Stream.of(
        Arguments.of("{}", "[{\"content\": \"b\"}, {\"content\": \"a\"}, {\"content\": \"c\"}]",
            "[{\"content\": \"a\"}, {\"content\": \"b\"}, {\"content\": \"c\"}]"),
        Arguments.of("{\"rule\": {\"field\": \"name\", \"dir\": \"desc\"}}",
            "[{\"rank\": \"b\", \"name\": \"adam\"}, {\"rank\": \"a\", \"name\": \"sue\"}, {\"rank\": \"c\", \"name\": \"bill\"}]",
            "[{\"rank\": \"a\", \"name\": \"sue\"}, {\"rank\": \"c\", \"name\": \"bill\"}, {\"rank\": \"b\", \"name\": \"adam\"}]"),
        Arguments.of("{\"rule\": [{\"field\": \"rank\"}, {\"field\": \"name\"}]}",
            "[{\"rank\": \"a\", \"name\": \"sue\"}, {\"rank\": \"a\", \"name\": \"bill\"}, {\"rank\": \"b\", \"name\": \"adam\"}]",
            "[{\"rank\": \"a\", \"name\": \"bill\"}, {\"rank\": \"a\", \"name\": \"sue\"}, {\"rank\": \"b\", \"name\": \"adam\"}]"),
        Arguments.of("{\"rule\": {\"field\": \"n\", \"type\": \"int\"}}", "[{\"n\": \"10\"}, {}, {\"n\": \"9\"}]",
            "[{}, {\"n\": \"9\"}, {\"n\": \"10\"}]"),
        Arguments.of("{\"rule\": {\"field\": \"n\", \"dir\": \"desc\"}}",
            "[{\"n\": 1, \"i\": 1}, {\"n\": 1, \"i\": 2}, {\"n\": 0, \"i\": 3}]",
            "[{\"n\": 1, \"i\": 1}, {\"n\": 1, \"i\": 2}, {\"n\": 0, \"i\": 3}]"));
  }

  @ParameterizedTest
  @MethodSource("specExamples")
  void matchesTheSpecExamples(String conf, String input, String output) {
    assertThat(run(conf, input)).isEqualTo(lines(output));
  }

  @Test
  void conformanceSortDescKeepsTiesInInputOrder() {
    List<String> out = json(sort, conf("{\"rule\": [{\"field\": {\"type\": \"text\", \"value\": \"age\"},"
        + " \"dir\": {\"type\": \"text\", \"value\": \"desc\"}}]}"), People.all());
    assertThat(out).isEqualTo(lines(people(People.P6, People.P3, People.P1, People.P5, People.P2, People.P4)));
  }

  @Test
  void conformanceSortMissingFieldDescPutsThoseItemsLast() {
    List<String> out = json(sort, conf("{\"rule\": {\"field\": \"email\", \"dir\": \"desc\"}}"), People.all());
    assertThat(out).isEqualTo(lines(people(People.P3, People.P6, People.P4, People.P2, People.P1, People.P5)));
  }

  @Test
  void conformanceSortTwoKeysFirstRuleIsPrimaryAndTextIsCaseSensitive() {
    List<String> out = json(sort, conf("{\"rule\": [{\"field\": \"city\"}, {\"field\": \"age\", \"dir\": \"desc\"}]}"), People.all());
    assertThat(out).isEqualTo(lines(people(People.P1, People.P4, People.P5, People.P3, People.P6, People.P2)));
  }

  @Test
  void comparingAMissingFieldWithNumbersFailsNamingTheValues() {
    Flux<Item> out = ModuleRunner.run(sort, conf("{\"rule\": {\"field\": \"n\"}}"), items("[{\"n\": 1}, {}, {\"n\": 2}]"));
    StepVerifier.create(out)
        .expectErrorSatisfies(e -> assertThat(e)
            .isInstanceOf(ModuleException.class)
            .hasMessageContaining("cannot compare")
            .hasMessageContaining("''")
            .hasMessageMatching(".*cannot compare ('' with [12]|[12] with '').*")
            .hasMessageContaining("'n'"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void typeAvoidsMixedKindErrors() {
    assertThat(run("{\"rule\": {\"field\": \"n\", \"type\": \"text\"}}", "[{\"n\": 10}, {}, {\"n\": \"9\"}, {\"n\": 2}]"))
        .isEqualTo(lines("[{}, {\"n\": 10}, {\"n\": 2}, {\"n\": \"9\"}]"));
  }

  @Test
  void numbersOfDifferentKindsCompareExactly() {
    assertThat(run("{\"rule\": {\"field\": \"n\"}}", "[{\"n\": 2.5}, {\"n\": 2}, {\"n\": true}, {\"n\": 3}]"))
        .isEqualTo(lines("[{\"n\": true}, {\"n\": 2}, {\"n\": 2.5}, {\"n\": 3}]"));
  }

  @Test
  void dateTypeSortsChronologically() {
    assertThat(run("{\"rule\": {\"field\": \"d\", \"type\": \"date\", \"dir\": \"DESC\"}}",
        "[{\"d\": \"2019-05-01\"}, {\"d\": \"2021-01-01\"}, {\"d\": \"junk\"}]"))
        .isEqualTo(lines("[{\"d\": \"2021-01-01\"}, {\"d\": \"2019-05-01\"}, {\"d\": \"junk\"}]"));
  }

  @Test
  void mapsAndListsSortAsTheEmptyString() {
    assertThat(run("{\"rule\": {\"field\": \"n\"}}", "[{\"n\": \"b\"}, {\"n\": {\"a\": 1}}, {\"n\": [\"z\"]}, {\"n\": \"a\"}]"))
        .isEqualTo(lines("[{\"n\": {\"a\": 1}}, {\"n\": [\"z\"]}, {\"n\": \"a\"}, {\"n\": \"b\"}]"));
  }

  @Test
  void anEmptyFieldLeavesTheOrderUnchanged() {
    assertThat(run("{\"rule\": {\"field\": \"\"}}", "[{\"x\": 2}, {\"x\": 1}, {\"x\": 3}]"))
        .isEqualTo(lines("[{\"x\": 2}, {\"x\": 1}, {\"x\": 3}]"));
  }

  @Test
  void ruleWithoutFieldSortsByContent() {
    assertThat(run("{\"rule\": {\"dir\": \"desc\"}}", "[{\"content\": \"a\"}, {\"content\": \"c\"}, {\"content\": \"b\"}]"))
        .isEqualTo(lines("[{\"content\": \"c\"}, {\"content\": \"b\"}, {\"content\": \"a\"}]"));
  }

  @Test
  void dottedFieldsReadNestedValues() {
    assertThat(run("{\"rule\": {\"field\": \"a.b\"}}", "[{\"a\": {\"b\": \"y\"}}, {\"a\": {\"b\": \"x\"}}]"))
        .isEqualTo(lines("[{\"a\": {\"b\": \"x\"}}, {\"a\": {\"b\": \"y\"}}]"));
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(run("{}", "[]")).isEmpty();
  }

  @Test
  void aRuleThatIsNotAMapFailsAtAssembly() {
    assertThatThrownBy(() -> sort.create(ModuleCall.of("sort", conf("{\"rule\": \"name\"}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("'rule'");
  }

  @Test
  void upstreamErrorsPassThrough() {
    Flux<Item> failing = Flux.concat(Flux.just(Item.of("content", "a")), Flux.error(new IllegalStateException("boom")));
    StepVerifier.create(failing.transform(sort.create(ModuleCall.of("sort", conf("{}")))))
        .expectErrorMatches(e -> e.getMessage().contains("boom"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void javaCallersCanUseTheConfRecord() {
    Sort.Conf conf = new Sort.Conf(List.of(new Sort.Rule("n", true, "int")));
    StepVerifier.create(Flux.fromIterable(items("[{\"n\": \"9\"}, {\"n\": \"10\"}]")).transform(Sort.of(conf)))
        .expectNext(Item.of("n", "10"), Item.of("n", "9"))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }
}
