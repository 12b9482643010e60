package riko.modules.processor;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.FieldCast;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;

/**
 * riko's {@code hash}: a 32-bit hash of a field, the low 32 bits (unsigned) of CPython 3.12's
 * {@code hash()} under riko's fixed hash seed 94967295.
 *
 * <p><b>Conf.</b> None: the conf is not parsed (riko's {@code ptype = none}). The field is given
 * by the {@code field} option (default {@code content}). QUIRK: because the conf is not parsed,
 * the field is not cast to text either, so the RAW value is hashed: a missing field hashes
 * {@code None} (4238894112), the integer {@code 5} hashes to 5, {@code 1.5} to 1 and
 * {@code true} to 1, while the string {@code "5"} hashes like any string.
 *
 * <p><b>Emits</b> each item with the hash, an integer in {@code [0, 2^32)}, assigned under
 * {@code assign} (default {@code hash}); with {@code emit} the bare number.
 *
 * <p><b>Errors.</b> Nothing fails at assembly. At runtime a list or map value is a
 * {@link ModuleException} ("unhashable type"), as in Python. DIVERGENCE: CPython hashes a float
 * or decimal NaN by its memory address, which no port can reproduce; this module gives NaN the
 * hash 0 (its value before Python 3.10).
 *
 * <p><b>Example.</b> {@code Flux.just(Item.of("content", "hello world")).transform(new
 * Hash().create(ModuleCall.of("hash", RawConf.empty())))} gives
 * {@code {"content": "hello world", "hash": 1921504423}}; in a pipeline:
 * {@code {"id": "sw-3", "type": "hash", "conf": {}}}, or {@code Hash.of("hello world")} directly.
 */
public final class Hash extends ProcessorModule {

  /** The module, as registered. */
  public Hash() {
    super(ModuleMetadata.transformer("hash", "A 32-bit hash of a field (Python's hash() under riko's seed)."),
        ProcessorSpec.transformer(Map.of(), "content", FieldCast.TEXT, "hash").rawField());
  }

  /**
   * The hash riko gives {@code value}: CPython 3.12's {@code hash(value)} with seed 94967295,
   * as an unsigned 32-bit number.
   *
   * @param value a string, number, boolean, date, date-time, time tuple or {@code null}
   * @throws IllegalArgumentException when Python could not hash the value (a list or a map)
   */
  public static long of(@Nullable Object value) {
    return PythonHash.unsigned32(value);
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    try {
      return ProcessorResult.of(of(value));
    } catch (IllegalArgumentException e) {
      throw new ModuleException(conf.module(), e.getMessage(), e);
    }
  }
}
