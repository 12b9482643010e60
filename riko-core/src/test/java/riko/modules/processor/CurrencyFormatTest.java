package riko.modules.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.item.Item;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleCall;
import riko.testing.ModuleRunner;
import riko.value.DecimalNaN;

class CurrencyFormatTest {

  private final CurrencyFormat currencyformat = new CurrencyFormat();

  private Object format(Object content, String currency) {
    return ModuleRunner.list(currencyformat, conf("{\"currency\": \"" + currency + "\"}"), CallOptions.none(),
        List.of(Item.of("content", content))).get(0).get("currencyformat");
  }

  @Test
  void runsTheSpecExamples() {
    assertThat(json(currencyformat, RawConf.empty(), items("[{\"content\": \"10.33\"}]")))
        .containsExactly("{\"content\":\"10.33\",\"currencyformat\":\"$10.33\"}");
    assertThat(json(currencyformat, conf("{\"currency\": \"GBP\"}"), items("[{\"content\": \"100\"}]")))
        .containsExactly("{\"content\":\"100\",\"currencyformat\":\"£100.00\"}");
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      10.33       | USD | $10.33
      100         | GBP | £100.00
      1234.5      | JPY | ¥1,234
      3.5         | JPY | ¥4
      -5          | USD | -$5.00
      1234567.891 | USD | $1,234,567.89
      0.005       | USD | $0.00
      0.015       | USD | $0.02
      0.025       | USD | $0.02
      0.135       | USD | $0.14
      -0.001      | USD | -$0.00
      100         | XYZ | XYZ100.00
      100         | usd | usd100.00
      100         | EUR | €100.00
      100         | CHF | CHF100.00
      100         | CAD | CA$100.00
      100         | KRW | ₩100
      100         | IRR | IRR100
      1234567     | IRR | IRR1,234,567
      100         | AFN | AFN100
      12345.6789  | BHD | BHD12,345.679
      1234.5      | XXX | ¤1,234.50
      100         | XAU | XAU100.00
      1e3         | USD | $1,000.00
      """)
  void formatsLikeBabelForEnUs(String amount, String currency, String expected) {
    assertThat(format(amount, currency)).isEqualTo(expected);
  }

  @Test
  void matchesTheCurrencyformatUsdConformanceCase() {
    List<Item> numbers = items("""
        [{"content": "10", "other": "3", "label": "ten"}, {"content": 7, "other": 2, "label": "seven"},
         {"content": "2.5", "other": "0.5", "label": "two and a half"}, {"content": "-4", "other": "-3", "label": "minus four"},
         {"content": "1e3", "other": "7", "label": "exp"}, {"content": "0", "other": "0", "label": "zero"}]""");
    assertThat(json(currencyformat, RawConf.empty(), numbers)).containsExactly(
        "{\"content\":\"10\",\"other\":\"3\",\"label\":\"ten\",\"currencyformat\":\"$10.00\"}",
        "{\"content\":7,\"other\":2,\"label\":\"seven\",\"currencyformat\":\"$7.00\"}",
        "{\"content\":\"2.5\",\"other\":\"0.5\",\"label\":\"two and a half\",\"currencyformat\":\"$2.50\"}",
        "{\"content\":\"-4\",\"other\":\"-3\",\"label\":\"minus four\",\"currencyformat\":\"-$4.00\"}",
        "{\"content\":\"1e3\",\"other\":\"7\",\"label\":\"exp\",\"currencyformat\":\"$1,000.00\"}",
        "{\"content\":\"0\",\"other\":\"0\",\"label\":\"zero\",\"currencyformat\":\"$0.00\"}");
  }

  @Test
  void theFieldIsCastToDecimal() {
    assertThat(format(7L, "USD")).isEqualTo("$7.00");
    assertThat(format(0.1, "USD")).as("a float's exact binary expansion rounds as usual").isEqualTo("$0.10");
    assertThat(format(true, "USD")).isEqualTo("$1.00");
    assertThat(format(" 2.5 ", "USD")).isEqualTo("$2.50");
  }

  @Test
  void notANumberIsTheSymbolFollowedByNaN() {
    assertThat(format("bogus", "USD")).isEqualTo("$NaN.00");
    assertThat(format("bogus", "JPY")).isEqualTo("¥NaN");
    assertThat(format("bogus", "BHD")).isEqualTo("BHDNaN.000");
    assertThat(format("bogus", "XYZ")).isEqualTo("XYZNaN.00");
    assertThat(format("NaN", "USD")).isEqualTo("$NaN.00");
    assertThat(new CurrencyFormat.Conf("USD").format(DecimalNaN.INSTANCE)).isEqualTo("$NaN.00");
  }

  @Test
  void aMissingFieldIsNaN() {
    assertThat(json(currencyformat, RawConf.empty(), items("[{\"title\": \"x\"}]")))
        .containsExactly("{\"title\":\"x\",\"currencyformat\":\"$NaN.00\"}");
  }

  @Test
  void fieldAssignAndEmitOptions() {
    assertThat(json(currencyformat, RawConf.empty(), CallOptions.none().withField("price").withAssign("shown"),
        items("[{\"price\": \"3\"}]"))).containsExactly("{\"price\":\"3\",\"shown\":\"$3.00\"}");
    assertThat(json(currencyformat, RawConf.empty(), CallOptions.none().withEmit(true), items("[{\"content\": \"3\"}]")))
        .containsExactly("\"$3.00\"");
  }

  @Test
  void currencyMayReadTheItem() {
    assertThat(json(currencyformat, conf("{\"currency\": {\"subkey\": \"cur\"}}"),
        items("[{\"content\": 5, \"cur\": \"EUR\"}, {\"content\": 5, \"cur\": \"JPY\"}]"))).containsExactly(
        "{\"content\":5,\"cur\":\"EUR\",\"currencyformat\":\"€5.00\"}",
        "{\"content\":5,\"cur\":\"JPY\",\"currencyformat\":\"¥5\"}");
  }

  @Test
  void aMissingCurrencyFailsNamingTheKey() {
    assertThatThrownBy(() -> currencyformat.create(ModuleCall.of("currencyformat (sw_2)", conf("{\"currency\": null}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("currencyformat (sw_2)").hasMessageContaining("'currency'");
    assertThatThrownBy(() -> currencyformat.create(ModuleCall.of("currencyformat", conf("{\"currency\": \"\"}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'currency'");
    StepVerifier.create(ModuleRunner.run(currencyformat, conf("{\"currency\": {\"subkey\": \"cur\"}}"),
            items("[{\"content\": 1, \"cur\": \"USD\"}, {\"content\": 2}]")))
        .expectNextMatches(i -> "$1.00".equals(i.get("currencyformat")))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfException.class).hasMessageContaining("'currency'"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(json(currencyformat, RawConf.empty(), List.of())).isEmpty();
  }

  @Test
  void theConfRecordServesJavaCallers() {
    assertThat(new CurrencyFormat.Conf("GBP").format(new BigDecimal("1000.33"))).isEqualTo("£1,000.33");
    assertThatThrownBy(() -> new CurrencyFormat.Conf("")).isInstanceOf(ConfException.class);
  }

  @Test
  void isRegistered() {
    assertThat(ModuleRegistry.standard().find("currencyformat")).get().isInstanceOf(CurrencyFormat.class);
    assertThat(currencyformat.spec().field()).isEqualTo("content");
    assertThat(currencyformat.spec().assign()).isEqualTo("currencyformat");
  }
}
