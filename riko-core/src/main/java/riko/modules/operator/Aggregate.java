package riko.modules.operator;

import java.util.Arrays;
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
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.spi.ModuleMetadata;
import riko.spi.OperatorModule;
import riko.spi.OperatorResult;
import riko.spi.UserFunction;

/**
 * riko's {@code aggregate}: applies a user function to the whole stream.
 *
 * <p><b>Conf.</b> None. The function is the per-call option {@code func} (required), a
 * {@link UserFunction#perStream whole-stream function} that receives the input items as a
 * {@link Flux} (raw values already seen as {@code {"content": value}}): in Java
 * {@code CallOptions.none().withFunc(UserFunction.perStream(items -> ...))} or
 * {@code Pipe.aggregate(items -> ...)}; in a JSON pipeline {@code "func": "<name>"} next to
 * {@code conf}, naming a function registered with
 * {@link riko.spi.ModuleContext#withFunction(String, UserFunction)}.
 *
 * <p><b>Emits</b> the function's result "listised", always as a stream: {@code null} gives
 * nothing; a map, an {@link Item}, a string or any other single value gives one output; a
 * stream ({@link Flux} or any other {@link Publisher}, {@link Stream},
 * {@link Iterator}), an {@link Iterable} (a list) or an array gives its elements, lazily (a
 * {@code null} element as a raw {@code null}); an asynchronous result ({@link Mono},
 * {@link CompletionStage}) is listised once it completes (empty is {@code null}). Maps become
 * items and other values raw values; with {@code emit: false} each element {@code x} becomes
 * {@code {assign: x}} (default {@code aggregate}). As lazy as the function: a function that
 * maps the {@code Flux} streams, one that collects it waits for the whole input.
 *
 * <p><b>Errors.</b> At assembly, a {@link riko.conf.ConfException} (key {@code func}) when the
 * call has no function, names one the context does not hold, or gives a per-item function. At
 * run time, an exception thrown by the function (or signalled by what it returns) ends the stream
 * as a {@link ModuleException} naming the module (and the function, when named), after the
 * elements already emitted; an error of the input stream passes through unchanged.
 *
 * <p><b>Example.</b> {@code Pipe.from(items).aggregate(items -> items.map(i -> Map.of("y",
 * Cast.toInt(i.get("x")) + 3)))} turns {@code {"x": 0}, {"x": 1}} into {@code {"y": 3}, {"y": 4}};
 * {@code Pipe.from(items).aggregate(Flux::count)} emits the raw number of items. In a pipeline, with
 * {@code ModuleContext.defaults().withFunction("total", UserFunction.perStream(Flux::count))}:
 * {@code {"id": "sw-3", "type": "aggregate", "func": "total", "conf": {}}}.
 */
public final class Aggregate extends OperatorModule {

  /** The module, as registered. */
  public Aggregate() {
    super(ModuleMetadata.composer("aggregate", "Applies a user function to the whole stream."),
        Map.<String, @Nullable Object>of(), "aggregate");
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    UserFunction.require(call, UserFunction.PerStream.class);
  }

  @Override
  protected OperatorResult operate(Flux<Item> items, ResolvedConf conf, ModuleCall call) {
    UserFunction.PerStream func = UserFunction.require(call, UserFunction.PerStream.class);
    Object result;
    try {
      result = func.function().apply(items.onErrorMap(FromInput::new));
    } catch (RuntimeException e) {
      throw UserFunction.failure(call, e);
    }
    return OperatorResult.stream(listised(result)
        .onErrorMap(e -> e instanceof FromInput input ? input.getCause() : UserFunction.failure(call, e)));
  }

  /** riko's {@code listize} of a result: nothing for null, the elements of anything list-like, else the value itself. */
  private static Flux<?> listised(@Nullable Object result) {
    if (result == null) {
      return Flux.empty();
    }
    if (result instanceof Mono<?> mono) {
      return mono.flatMapMany(Aggregate::listised);
    }
    if (result instanceof CompletionStage<?> stage) {
      return Mono.fromCompletionStage(stage).flatMapMany(Aggregate::listised);
    }
    if (result instanceof Publisher<?> publisher) {
      return Flux.from(publisher);
    }
    if (result instanceof Map<?, ?> || result instanceof Item) {
      return Flux.just(result);
    }
    if (result instanceof Iterable<?> iterable) {
      return Flux.fromStream(() -> StreamSupport.stream(iterable.spliterator(), false).map(Aggregate::element));
    }
    if (result instanceof Object[] array) {
      return Flux.fromStream(() -> Arrays.stream(array).map(Aggregate::element));
    }
    if (result instanceof Stream<?> stream) {
      return Flux.fromStream(stream.map(Aggregate::element));
    }
    if (result instanceof Iterator<?> iterator) {
      return Flux.fromStream(StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, 0), false)
          .map(Aggregate::element));
    }
    return Flux.just(result);
  }

  /** A list element; {@code null}, which a reactive stream cannot carry, as a raw {@code null}. */
  private static Object element(@Nullable Object value) {
    return value == null ? Item.ofValue(null) : value;
  }

  /** Marks an error of the input stream, so that it passes through rather than being blamed on the function. */
  private static final class FromInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FromInput(Throwable cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }
}
