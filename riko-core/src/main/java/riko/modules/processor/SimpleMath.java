package riko.modules.processor;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.FieldCast;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;
import riko.value.Cast;
import riko.value.DecimalNaN;
import riko.value.PyStr;
import riko.value.PythonDecimal;

/**
 * riko's {@code simplemath}: decimal arithmetic between a field and a constant (or another
 * field), with Python's default decimal context: 28 significant digits, round-half-even, and the
 * exponents Python gives ({@code 10 / 5} is {@code 2}, {@code 10 / 4} is {@code 2.5},
 * {@code 10.0 / 5} is {@code 2.0}, {@code 10 / 3} is {@code 3.333333333333333333333333333}).
 *
 * <p><b>Conf.</b>
 *
 * <ul>
 *   <li>{@code op} (text, required): {@code add}, {@code subtract}, {@code multiply},
 *       {@code divide} (true division), {@code floor} (QUIRK: floor division of decimals
 *       truncates toward zero, {@code -7 floor 2} is {@code -3}), {@code modulo} (QUIRK: the
 *       remainder takes the dividend's sign, {@code -7 modulo 3} is {@code -1}), {@code power}
 *       (any decimal power, computed as CPython's C decimal module does), {@code mean}
 *       ({@code (field + other) / 2}). Case-sensitive, as in riko.
 *   <li>{@code other} (required): the right-hand operand, cast to decimal: integers exactly,
 *       floats by their exact binary expansion ({@code 0.1} is
 *       {@code 0.1000000000000000055511151231257827...}), text parsed; anything unreadable
 *       (including {@code null}) is NaN.
 * </ul>
 *
 * <p>Both may be item references ({@code {"subkey": "other"}}) or terminal references. The field
 * ({@code field} option, default {@code content}) is cast to decimal the same way.
 *
 * <p><b>Emits</b> each item with the result assigned under {@code assign} (default
 * {@code simplemath}): a {@link BigDecimal}, or {@link DecimalNaN#INSTANCE} when either operand
 * is NaN (so unreadable text gives NaN rather than an error). {@code 0 power -n}, which Python
 * answers with {@code Decimal('Infinity')}, gives {@link Double#POSITIVE_INFINITY} (written as
 * {@code "Infinity"}), the value model having no infinite decimal.
 *
 * <p><b>Errors.</b> At assembly: a missing {@code op} or {@code other}, and an unknown static
 * {@code op}, are {@link ConfException}s. At runtime, {@link ModuleException}s: an unknown
 * {@code op} read from the item or a terminal, division by zero ({@code divide}, {@code floor},
 * {@code modulo}), {@code 0 power 0}, a negative number to a non-integer power, a result beyond
 * Python's exponent limit (1E+999999), and a floor quotient of more than 28 digits.
 *
 * <p><b>Example.</b> {@code Flux.just(Item.of("content", 10L)).transform(new SimpleMath().create(
 * ModuleCall.of("simplemath", RawConf.of("op", "divide", "other", 4))))} gives
 * {@code {"content": 10, "simplemath": 2.5}}; in a pipeline:
 * {@code {"type": "simplemath", "conf": {"op": {"type": "text", "value": "divide"},
 * "other": {"subkey": "other"}}}}. From Java: {@code new SimpleMath.Conf(Op.DIVIDE, 4).apply("10")}.
 */
public final class SimpleMath extends ProcessorModule {

  /** The operations, by their conf names. */
  public enum Op {
    /** {@code field + other}. */
    ADD("add"),
    /** {@code field - other}. */
    SUBTRACT("subtract"),
    /** {@code field * other}. */
    MULTIPLY("multiply"),
    /** {@code field / other}. */
    DIVIDE("divide"),
    /** {@code field // other}: truncated toward zero. */
    FLOOR("floor"),
    /** {@code field % other}: the sign of {@code field}. */
    MODULO("modulo"),
    /** {@code field ** other}. */
    POWER("power"),
    /** {@code (field + other) / 2}. */
    MEAN("mean");

    private final String confName;

    Op(String confName) {
      this.confName = confName;
    }

    /** The name used in confs. */
    public String confName() {
      return confName;
    }

    /** The operation named exactly {@code name} (riko matches case-sensitively). */
    public static Optional<Op> named(@Nullable Object name) {
      return Arrays.stream(values()).filter(op -> op.confName.equals(name)).findFirst();
    }

    /** The accepted names, for messages. */
    public static String knownNames() {
      return Arrays.stream(values()).map(Op::confName).collect(Collectors.joining(", "));
    }

    /**
     * Applies the operation to two decimals.
     *
     * @param left a {@link BigDecimal} or {@link DecimalNaN#INSTANCE}
     * @param right a {@link BigDecimal} or {@link DecimalNaN#INSTANCE}
     * @return a {@link BigDecimal}, {@link DecimalNaN#INSTANCE}, or positive infinity as a double
     * @throws ArithmeticException where Python's decimal context traps (division by zero,
     *     invalid operation, overflow)
     */
    public Object apply(Object left, Object right) {
      if (!(left instanceof BigDecimal a) || !(right instanceof BigDecimal b)) {
        return DecimalNaN.INSTANCE;
      }
      try {
        return switch (this) {
          case ADD -> PythonDecimal.add(a, b);
          case SUBTRACT -> PythonDecimal.subtract(a, b);
          case MULTIPLY -> PythonDecimal.multiply(a, b);
          case DIVIDE -> PythonDecimal.divide(a, b);
          case FLOOR -> PythonDecimal.floorDivide(a, b);
          case MODULO -> PythonDecimal.remainder(a, b);
          case POWER -> PythonDecimal.power(a, b);
          case MEAN -> PythonDecimal.mean(a, b);
        };
      } catch (PythonDecimal.InfiniteResultException e) {
        return Double.POSITIVE_INFINITY;
      }
    }
  }

  /**
   * A static conf, for Java callers.
   *
   * @param op the operation
   * @param other the right-hand operand, any value riko's decimal cast reads
   */
  public record Conf(Op op, @Nullable Object other) {

    /**
     * The result for one field value, cast to decimal first.
     *
     * @throws ArithmeticException where Python's decimal context traps
     */
    public Object apply(@Nullable Object value) {
      return op.apply(Cast.toDecimal(value), Cast.toDecimal(other));
    }
  }

  /** The module, as registered. */
  public SimpleMath() {
    super(ModuleMetadata.transformer("simplemath", "Decimal arithmetic between a field and a number."),
        ProcessorSpec.transformer(Map.of(), "content", FieldCast.DECIMAL, "simplemath"));
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    for (String key : new String[] {"op", "other"}) {
      if (!conf.has(key)) {
        throw new ConfException(call.label(), key, "is required (op: one of " + Op.knownNames() + "; other: a number)");
      }
    }
    staticConf(RawConf.empty().with("op", conf.get("op")), call).ifPresent(fixed -> {
      Object op = fixed.get("op");
      if (Op.named(op).isEmpty()) {
        throw new ConfException(call.label(), "op", "must be one of " + Op.knownNames() + ", was " + PyStr.repr(op));
      }
    });
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    Object name = conf.get("op");
    Op op = Op.named(name).orElseThrow(() -> new ModuleException(conf.module(),
        "unsupported op " + PyStr.repr(name) + "; expected one of " + Op.knownNames()));
    try {
      return ProcessorResult.of(new Conf(op, conf.get("other")).apply(value));
    } catch (ArithmeticException e) {
      throw new ModuleException(conf.module(), op.confName() + " failed: " + e.getMessage(), e);
    }
  }
}
