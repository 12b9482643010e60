package riko.modules.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.item.Item;
import riko.modules.processor.SimpleMath.Op;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.testing.ModuleRunner;
import riko.value.DecimalNaN;

class SimpleMathTest {

  private final SimpleMath simplemath = new SimpleMath();

  /** {@code numbers.json} of the conformance data. */
  private final List<Item> numbers = items("""
      [{"content": "10", "other": "3", "label": "ten"},
       {"content": 7, "other": 2, "label": "seven"},
       {"content": "2.5", "other": "0.5", "label": "two and a half"},
       {"content": "-4", "other": "-3", "label": "minus four"},
       {"content": "1e3", "other": "7", "label": "exp"},
       {"content": "0", "other": "0", "label": "zero"}]""");

  private List<String> run(String conf, String input) {
    return json(simplemath, conf(conf), items(input));
  }

  private static Object apply(Op op, String left, String right) {
    return op.apply(new BigDecimal(left), new BigDecimal(right));
  }

  @Test
  void runsTheSpecExamples() {
    assertThat(run("{\"op\": \"divide\", \"other\": \"5\"}", "[{\"content\": \"10\"}]"))
        .containsExactly("{\"content\":\"10\",\"simplemath\":2}");
    assertThat(run("{\"op\": \"divide\", \"other\": 4}", "[{\"content\": 10}]"))
        .containsExactly("{\"content\":10,\"simplemath\":2.5}");
    assertThat(json(simplemath, conf("{\"op\": \"divide\", \"other\": \"5\"}"),
        CallOptions.none().withField("num").withAssign("result"), items("[{\"num\": \"10\"}]")))
        .containsExactly("{\"num\":\"10\",\"result\":2}");
    assertThat(run("{\"op\": \"modulo\", \"other\": 3}", "[{\"content\": \"-7\"}]"))
        .containsExactly("{\"content\":\"-7\",\"simplemath\":-1}");
    assertThat(run("{\"op\": \"mean\", \"other\": \"4\"}", "[{\"content\": \"3\"}]"))
        .containsExactly("{\"content\":\"3\",\"simplemath\":3.5}");
    assertThat(run("{\"op\": \"power\", \"other\": \"10\"}", "[{\"content\": \"2\"}]"))
        .containsExactly("{\"content\":\"2\",\"simplemath\":1024}");
    assertThat(run("{\"op\": \"add\", \"other\": \"1\"}", "[{\"content\": \"abc\"}]"))
        .containsExactly("{\"content\":\"abc\",\"simplemath\":\"NaN\"}");
    assertThat(run("{\"op\": \"add\", \"other\": 0.1}", "[{\"content\": \"1\"}]"))
        .containsExactly("{\"content\":\"1\",\"simplemath\":1.100000000000000005551115123}");
  }

  @Test
  void matchesTheSimplemathAddConformanceCase() {
    RawConf conf = conf("{\"op\": {\"type\": \"text\", \"value\": \"add\"}, \"other\": {\"type\": \"float\", \"value\": \"5\"}}");
    assertThat(json(simplemath, conf, numbers)).containsExactly(
        "{\"content\":\"10\",\"other\":\"3\",\"label\":\"ten\",\"simplemath\":15}",
        "{\"content\":7,\"other\":2,\"label\":\"seven\",\"simplemath\":12}",
        "{\"content\":\"2.5\",\"other\":\"0.5\",\"label\":\"two and a half\",\"simplemath\":7.5}",
        "{\"content\":\"-4\",\"other\":\"-3\",\"label\":\"minus four\",\"simplemath\":1}",
        "{\"content\":\"1e3\",\"other\":\"7\",\"label\":\"exp\",\"simplemath\":1005}",
        "{\"content\":\"0\",\"other\":\"0\",\"label\":\"zero\",\"simplemath\":5}");
  }

  @Test
  void matchesTheSimplemathMultiplyConformanceCase() {
    RawConf conf = conf("{\"op\": {\"type\": \"text\", \"value\": \"multiply\"}, \"other\": {\"type\": \"float\", \"value\": \"3\"}}");
    assertThat(json(simplemath, conf, numbers)).containsExactly(
        "{\"content\":\"10\",\"other\":\"3\",\"label\":\"ten\",\"simplemath\":30}",
        "{\"content\":7,\"other\":2,\"label\":\"seven\",\"simplemath\":21}",
        "{\"content\":\"2.5\",\"other\":\"0.5\",\"label\":\"two and a half\",\"simplemath\":7.5}",
        "{\"content\":\"-4\",\"other\":\"-3\",\"label\":\"minus four\",\"simplemath\":-12}",
        "{\"content\":\"1e3\",\"other\":\"7\",\"label\":\"exp\",\"simplemath\":3E+3}",
        "{\"content\":\"0\",\"other\":\"0\",\"label\":\"zero\",\"simplemath\":0}");
  }

  @Test
  void matchesTheSimplemathDivideSubkeyConformanceCase() {
    RawConf conf = conf("{\"op\": {\"type\": \"text\", \"value\": \"divide\"}, \"other\": {\"subkey\": \"other\", \"type\": \"text\"}}");
    assertThat(json(simplemath, conf, numbers.subList(0, 5))).containsExactly(
        "{\"content\":\"10\",\"other\":\"3\",\"label\":\"ten\",\"simplemath\":3.333333333333333333333333333}",
        "{\"content\":7,\"other\":2,\"label\":\"seven\",\"simplemath\":3.5}",
        "{\"content\":\"2.5\",\"other\":\"0.5\",\"label\":\"two and a half\",\"simplemath\":5}",
        "{\"content\":\"-4\",\"other\":\"-3\",\"label\":\"minus four\",\"simplemath\":1.333333333333333333333333333}",
        "{\"content\":\"1e3\",\"other\":\"7\",\"label\":\"exp\",\"simplemath\":142.8571428571428571428571429}");
  }

  @Test
  void matchesTheDagLinearConformanceCase() {
    RawConf conf = conf("{\"op\": {\"type\": \"text\", \"value\": \"multiply\"}, \"other\": {\"type\": \"float\", \"value\": \"2\"}}");
    assertThat(json(simplemath, conf, numbers.subList(0, 3))).containsExactly(
        "{\"content\":\"10\",\"other\":\"3\",\"label\":\"ten\",\"simplemath\":20}",
        "{\"content\":7,\"other\":2,\"label\":\"seven\",\"simplemath\":14}",
        "{\"content\":\"2.5\",\"other\":\"0.5\",\"label\":\"two and a half\",\"simplemath\":5.0}");
  }

  @Test
  void divisionKeepsPythonsIdealExponent() {
    assertThat(apply(Op.DIVIDE, "10", "5")).hasToString("2");
    assertThat(apply(Op.DIVIDE, "10", "4")).hasToString("2.5");
    assertThat(apply(Op.DIVIDE, "10.0", "5")).hasToString("2.0");
    assertThat(apply(Op.DIVIDE, "100", "1E+2")).hasToString("1.00");
    assertThat(apply(Op.DIVIDE, "1", "1024")).hasToString("0.0009765625");
    assertThat(apply(Op.DIVIDE, "2", "3")).hasToString("0.6666666666666666666666666667");
  }

  @Test
  void otherOperationsFollowPythonDecimals() {
    assertThat(apply(Op.SUBTRACT, "1.30", "1.2")).hasToString("0.10");
    assertThat(apply(Op.ADD, "12345678901234567890123456789", "1")).hasToString("1.234567890123456789012345679E+28");
    assertThat(apply(Op.FLOOR, "-7", "2")).as("truncates toward zero").hasToString("-3");
    assertThat(apply(Op.FLOOR, "7.5", "2")).hasToString("3");
    assertThat(apply(Op.MODULO, "7", "-3")).hasToString("1");
    assertThat(apply(Op.MODULO, "7.5", "2")).hasToString("1.5");
    assertThat(apply(Op.MEAN, "1E+3", "1E+3")).hasToString("1000");
  }

  @Test
  void powersFollowCPythonsDecimalModule() {
    assertThat(apply(Op.POWER, "2.50", "3")).hasToString("15.625000");
    assertThat(apply(Op.POWER, "2", "-1")).hasToString("0.5");
    assertThat(apply(Op.POWER, "3", "-1")).hasToString("0.3333333333333333333333333333");
    assertThat(apply(Op.POWER, "-2", "3")).hasToString("-8");
    assertThat(apply(Op.POWER, "2", "100")).hasToString("1.267650600228229401496703205E+30");
    assertThat(apply(Op.POWER, "4", "0.5")).hasToString("2.000000000000000000000000000");
    assertThat(apply(Op.POWER, "2", "0.5")).hasToString("1.414213562373095048801688724");
    assertThat(apply(Op.POWER, "1.5", "2.5")).hasToString("2.755675960631075360471944584");
    assertThat(apply(Op.POWER, "1.000", "3")).hasToString("1.000000000");
    assertThat(apply(Op.POWER, "7", "0")).hasToString("1");
    // libmpdec's repeated products round differently from a correctly rounded result (...366).
    assertThat(apply(Op.POWER, "5178346117792254E-22", "42")).hasToString("9.908893325585951343880289365E-265");
    assertThat(apply(Op.POWER, "0", "-1")).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void nanOperandsGiveNaN() {
    assertThat(run("{\"op\": \"divide\", \"other\": 0}", "[{\"content\": \"x\"}]"))
        .as("NaN wins over division by zero")
        .containsExactly("{\"content\":\"x\",\"simplemath\":\"NaN\"}");
    assertThat(run("{\"op\": \"multiply\", \"other\": \"seven\"}", "[{\"content\": 2}]"))
        .containsExactly("{\"content\":2,\"simplemath\":\"NaN\"}");
    assertThat(run("{\"op\": \"add\", \"other\": {\"subkey\": \"missing\"}}", "[{\"content\": 2}]"))
        .containsExactly("{\"content\":2,\"simplemath\":\"NaN\"}");
    assertThat(run("{\"op\": \"add\", \"other\": 1}", "[{\"title\": \"no content\"}]"))
        .containsExactly("{\"title\":\"no content\",\"simplemath\":\"NaN\"}");
    assertThat(Op.POWER.apply(DecimalNaN.INSTANCE, BigDecimal.ZERO)).isSameAs(DecimalNaN.INSTANCE);
  }

  @Test
  void theConfRecordServesJavaCallers() {
    assertThat(new SimpleMath.Conf(Op.DIVIDE, 4L).apply("10")).isEqualTo(new BigDecimal("2.5"));
    assertThat(new SimpleMath.Conf(Op.MULTIPLY, 0.5).apply(3L)).hasToString("1.5");
    assertThat(Op.named("divide")).contains(Op.DIVIDE);
    assertThat(Op.named("Divide")).as("case-sensitive").isEmpty();
  }

  @Test
  void unknownStaticOpFailsAtAssembly() {
    assertThatThrownBy(() -> simplemath.create(ModuleCall.of("simplemath", conf("{\"op\": \"sqrt\", \"other\": 2}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("'op'")
        .hasMessageContaining("sqrt")
        .hasMessageContaining("add, subtract, multiply, divide, floor, modulo, power, mean");
  }

  @Test
  void opAndOtherAreRequired() {
    assertThatThrownBy(() -> simplemath.create(ModuleCall.of("simplemath", conf("{\"other\": 2}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'op'").hasMessageContaining("required");
    assertThatThrownBy(() -> simplemath.create(ModuleCall.of("simplemath", conf("{\"op\": \"add\"}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'other'").hasMessageContaining("required");
  }

  @Test
  void staticOpIsCheckedEvenWhenOtherIsDynamic() {
    assertThatThrownBy(() -> simplemath.create(
        ModuleCall.of("simplemath", conf("{\"op\": \"plus\", \"other\": {\"subkey\": \"other\"}}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("plus");
  }

  @Test
  void unknownDynamicOpFailsAtRuntimeAfterEarlierItems() {
    RawConf conf = conf("{\"op\": {\"subkey\": \"op\"}, \"other\": 2}");
    List<Item> input = items("[{\"content\": 3, \"op\": \"add\"}, {\"content\": 3, \"op\": \"plus\"}]");
    StepVerifier.create(ModuleRunner.run(simplemath, conf, input))
        .expectNextMatches(i -> new BigDecimal("5").equals(i.get("simplemath")))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("simplemath").hasMessageContaining("unsupported op 'plus'"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void divisionByZeroIsARuntimeError() {
    for (String op : List.of("divide", "floor", "modulo")) {
      StepVerifier.create(ModuleRunner.run(simplemath, conf("{\"op\": \"" + op + "\", \"other\": 0}"),
              items("[{\"content\": 1}]")))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
              .hasMessageContaining(op).hasMessageContaining("simplemath"))
          .verify(ModuleRunner.TIMEOUT);
    }
  }

  @Test
  void invalidOperationsAndOverflowAreRuntimeErrors() {
    assertThatThrownBy(() -> apply(Op.POWER, "0", "0")).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> apply(Op.POWER, "-8", "0.5")).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> apply(Op.POWER, "10", "1E+6")).hasMessageContaining("overflow");
    assertThatThrownBy(() -> apply(Op.MULTIPLY, "1E+999999", "10")).hasMessageContaining("overflow");
    assertThatThrownBy(() -> apply(Op.FLOOR, "1E+30", "3")).hasMessageContaining("division impossible");
    assertThat(apply(Op.POWER, "10", "-1E+7")).as("certain underflow gives 0").hasToString("0E-1000026");
    StepVerifier.create(ModuleRunner.run(simplemath, conf("{\"op\": \"power\", \"other\": 0}"), items("[{\"content\": 0}]")))
        .expectError(ModuleException.class)
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(run("{\"op\": \"add\", \"other\": 1}", "[]")).isEmpty();
  }

  @Test
  void emitReplacesTheItemWithTheNumber() {
    List<Item> out = ModuleRunner.list(simplemath, conf("{\"op\": \"add\", \"other\": 1}"),
        CallOptions.none().withEmit(true), items("[{\"content\": \"1.5\"}]"));
    assertThat(out).extracting(Item::rawValue).containsExactly(new BigDecimal("2.5"));
  }

  @Test
  void otherMayComeFromATerminal() {
    ModuleCall call = ModuleCall.of("simplemath", conf("{\"op\": \"multiply\", \"other\": {\"terminal\": \"factor\", \"type\": \"int\"}}"))
        .withTerminals(Map.of("factor", Flux.just(Item.ofValue(3L), Item.ofValue(4L))));
    StepVerifier.create(Flux.fromIterable(items("[{\"content\": 2}, {\"content\": 2}]")).transform(simplemath.create(call)))
        .expectNextMatches(i -> new BigDecimal("6").equals(i.get("simplemath")))
        .expectNextMatches(i -> new BigDecimal("8").equals(i.get("simplemath")))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void isRegistered() {
    assertThat(ModuleRegistry.standard().find("simplemath")).get().isInstanceOf(SimpleMath.class);
    assertThat(simplemath.spec().field()).isEqualTo("content");
    assertThat(simplemath.spec().assign()).isEqualTo("simplemath");
    assertThat(simplemath.spec().fieldCast()).isEqualTo(riko.spi.FieldCast.DECIMAL);
  }
}
