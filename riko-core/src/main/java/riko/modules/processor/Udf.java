package riko.modules.processor;

import java.util.Iterator;
import java.util.Map;
import java.util.Spliterators;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
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
import riko.spi.UserFunction;

/**
 * riko's {@code udf}: applies a user function to each item.
 *
 * <p><b>Conf.</b> None. The function is the per-call option {@code func} (required), a
 * {@link UserFunction#perItem per-item function}: in Java
 * {@code CallOptions.none().withFunc(UserFunction.perItem(item -> ...))} or
 * {@code Pipe.udf(item -> ...)}; in a JSON pipeline {@code "func": "<name>"} next to
 * {@code conf}, naming a function registered with
 * {@link riko.spi.ModuleContext#withFunction(String, UserFunction)}. The function receives the
 * whole item; with the {@code field} option it receives that field's value instead, as an item
 * (a map as an item, any other value as a raw item, {@link Item#ofValue}, whose
 * {@link Item#rawValue()} is the value).
 *
 * <p><b>Emits</b> (emit is on by default) what the function returns, item after item:
 *
 * <ul>
 *   <li>a map or an {@link Item}: the new item;
 *   <li>a scalar, a list or any other value: that value, raw (consumers see
 *       {@code {"content": value}});
 *   <li>{@code null}: a raw {@code null};
 *   <li>a stream ({@link Flux} or any other {@link Publisher}, {@link Stream},
 *       {@link Iterator}): each of its elements, in order (a {@code null} element as a raw
 *       {@code null}); QUIRK: a {@link java.util.List} is a single value, as in riko, not a
 *       stream;
 *   <li>an asynchronous result ({@link Mono}, {@link CompletionStage}): what it completes with,
 *       handled as above (empty is {@code null}).
 * </ul>
 *
 * <p>With {@code emit: false} the result is assigned under {@code assign} (default {@code udf})
 * by riko's fold rules; {@code count} applies to stream results.
 *
 * <p><b>Errors.</b> At assembly, a {@link riko.conf.ConfException} (key {@code func}) when the
 * call has no function, names one the context does not hold, or gives a whole-stream function.
 * At run time, an exception thrown by the function (or signalled by the stream it returns)
 * ends the stream as a {@link ModuleException} naming the module (and the function,
 * when named), after the items already emitted.
 *
 * <p><b>Example.</b>
 * {@code Pipe.from(items).udf(item -> Map.of("y", Cast.toInt(item.get("x")) + 3))} turns
 * {@code {"x": 0}} into {@code {"y": 3}}. In a pipeline, with
 * {@code ModuleContext.defaults().withFunction("plus3", UserFunction.perItem(...))}:
 * {@code {"id": "sw-2", "type": "udf", "func": "plus3", "conf": {}}}.
 */
public final class Udf extends ProcessorModule {

  /** The module, as registered. */
  public Udf() {
    super(ModuleMetadata.transformer("udf", "Applies a user function to each item."),
        ProcessorSpec.transformer(Map.of(), null, FieldCast.PASS, "udf").emitting());
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    UserFunction.require(call, UserFunction.PerItem.class);
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    UserFunction.PerItem func = UserFunction.require(call, UserFunction.PerItem.class);
    Object result;
    try {
      result = func.function().apply(value instanceof Item argument ? argument : Item.ofValue(value));
    } catch (RuntimeException e) {
      throw UserFunction.failure(call, e);
    }
    return result(result, call);
  }

  /** riko's reading of a function's result: iterators are streams, awaitables are awaited, the rest one value. */
  private static ProcessorResult result(@Nullable Object result, ModuleCall call) {
    if (result instanceof Mono<?> mono) {
      return ProcessorResult.later(mono.map(value -> result(value, call)).onErrorMap(e -> labelled(call, e)));
    }
    if (result instanceof CompletionStage<?> stage) {
      return result(Mono.fromCompletionStage(stage), call);
    }
    if (result instanceof Publisher<?> publisher) {
      return ProcessorResult.stream(Flux.from(publisher).onErrorMap(e -> labelled(call, e)));
    }
    if (result instanceof Stream<?> stream) {
      return ProcessorResult.stream(Flux.fromStream(stream.map(Udf::element)).onErrorMap(e -> labelled(call, e)));
    }
    if (result instanceof Iterator<?> iterator) {
      return ProcessorResult.stream(Flux.fromStream(
          StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, 0), false).map(Udf::element))
          .onErrorMap(e -> labelled(call, e)));
    }
    return ProcessorResult.of(result);
  }

  /** A stream element; {@code null}, which a reactive stream cannot carry, as a raw {@code null}. */
  private static Object element(@Nullable Object value) {
    return value == null ? Item.ofValue(null) : value;
  }

  private static Throwable labelled(ModuleCall call, Throwable error) {
    return error instanceof ModuleException m && m.module().equals(call.label())
        ? error
        : UserFunction.failure(call, error);
  }
}
