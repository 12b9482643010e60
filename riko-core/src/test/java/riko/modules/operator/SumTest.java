package riko.modules.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.testing.ModuleRunner;
import riko.value.DecimalNaN;

class SumTest {

  private final Sum sum = new Sum();

  private Item only(String conf, String input) {
    List<Item> out = ModuleRunner.list(sum, conf(conf), CallOptions.none(), items(input));
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  @Test
  void sumsContentIntoOneDecimal() {
    Item out = only("{}", "[{\"content\": 0}, {\"content\": 1}, {\"content\": 2}, {\"content\": 3}, {\"content\": 4}]");
    assertThat(out.get("sum")).isEqualTo(new BigDecimal("10"));
  }

  @Test
  void conformanceSumDefaultKeyParsesText() {
    List<String> out = json(sum, conf("{}"), People.numbers());
    assertThat(out).containsExactly("{\"sum\":1015.5}");
  }

  @Test
  void conformanceSumKey() {
    assertThat(json(sum, conf("{\"sum_key\": {\"type\": \"text\", \"value\": \"age\"}}"), People.all()))
        .containsExactly("{\"sum\":207}");
  }

  @Test
  void sumKeyIsATopLevelCaseInsensitiveKey() {
    assertThat(only("{\"sum_key\": \"AMOUNT\"}", "[{\"Amount\": 2}, {\"amount\": \"3\"}]").get("sum"))
        .isEqualTo(new BigDecimal("5"));
  }

  @Test
  void floatsAddByTheirExactBinaryExpansionRoundedTo28Digits() {
    Item out = only("{}", "[{\"content\": 1}, {\"content\": \"2.5\"}, {\"content\": 0.1}]");
    assertThat(out.get("sum")).isEqualTo(new BigDecimal("3.600000000000000005551115123"));
  }

  @Test
  void emptyInputSumsToZero() {
    assertThat(only("{}", "[]").get("sum")).isEqualTo(BigDecimal.ZERO);
  }

  @Test
  void aZeroTotalIsPlainZero() {
    assertThat(((BigDecimal) only("{}", "[{\"content\": \"0.00\"}, {\"content\": \"-0.0\"}]").get("sum")).toString())
        .isEqualTo("0");
  }

  @Test
  void nanMakesTheTotalNaN() {
    assertThat(only("{}", "[{\"content\": 1}, {\"content\": \"NaN\"}, {\"content\": 2}]").get("sum")).isEqualTo(DecimalNaN.INSTANCE);
  }

  @Test
  void assignNamesTheKey() {
    assertThat(json(sum, conf("{}"), CallOptions.none().withAssign("total"), items("[{\"content\": 4}, {\"content\": 6}]")))
        .containsExactly("{\"total\":10}");
  }

  @Test
  void emitYieldsTheRawDecimal() {
    List<Item> out = ModuleRunner.list(sum, conf("{}"), CallOptions.none().withEmit(true), items("[{\"content\": 4}]"));
    assertThat(out).singleElement().satisfies(item -> assertThat(item.rawValue()).isEqualTo(new BigDecimal("4")));
  }

  @Test
  void groupKeySumsPerGroup() {
    assertThat(json(sum, conf("{\"sum_key\": \"amount\", \"group_key\": \"x\"}"),
        items("[{\"amount\": 2, \"x\": \"one\"}, {\"amount\": 1, \"x\": \"one\"}, {\"amount\": 2, \"x\": \"two\"}]")))
        .containsExactly("{\"one\":3}", "{\"two\":2}");
  }

  @Test
  void groupKeysWithDotsNest() {
    assertThat(json(sum, conf("{\"group_key\": \"g\"}"), items("[{\"content\": 2, \"g\": 1.5}, {\"content\": 1, \"g\": 1.5}]")))
        .containsExactly("{\"1\":{\"5\":3}}");
  }

  @Test
  void aMissingSumKeyFailsAfterNothingWasEmitted() {
    Flux<Item> out = ModuleRunner.run(sum, conf("{\"sum_key\": \"amount\"}"), items("[{\"amount\": 1}, {\"other\": 2}]"));
    StepVerifier.create(out)
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("sum")
            .hasMessageContaining("'amount'")
            .hasMessageContaining("'other'"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void nonNumericTextFails() {
    Flux<Item> out = ModuleRunner.run(sum, conf("{\"sum_key\": \"score\"}"), People.all());
    StepVerifier.create(out)
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class).hasMessageContaining("'abc'"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void nullAndMapValuesFail() {
    StepVerifier.create(ModuleRunner.run(sum, conf("{}"), items("[{\"content\": null}]")))
        .expectError(ModuleException.class)
        .verify(ModuleRunner.TIMEOUT);
    StepVerifier.create(ModuleRunner.run(sum, conf("{}"), items("[{\"content\": {\"a\": 1}}]")))
        .expectError(ModuleException.class)
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void groupedSumsAlsoFailOnBadValues() {
    StepVerifier.create(ModuleRunner.run(sum, conf("{\"group_key\": \"g\"}"), items("[{\"content\": 1, \"g\": \"a\"}, {\"g\": \"a\"}]")))
        .expectError(ModuleException.class)
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void eachSubscriptionStartsAFreshTotal() {
    Flux<Item> out = Flux.fromIterable(items("[{\"content\": 1, \"g\": \"a\"}]"))
        .transform(sum.create(ModuleCall.of("sum", conf("{\"group_key\": \"g\"}"))));
    StepVerifier.create(out).expectNext(Item.of("a", BigDecimal.ONE)).expectComplete().verify(ModuleRunner.TIMEOUT);
    StepVerifier.create(out).expectNext(Item.of("a", BigDecimal.ONE)).expectComplete().verify(ModuleRunner.TIMEOUT);
  }
}
