package riko.spi;

import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import riko.conf.ConfException;
import riko.item.Item;

/**
 * A function supplied by the caller, the per-call option {@code func} of riko's {@code udf} (one
 * item at a time) and {@code aggregate} (the whole stream).
 *
 * <pre>{@code
 * CallOptions.none().withFunc(UserFunction.perItem(item -> Map.of("y", Cast.toInt(item.get("x")) + 3)))
 * CallOptions.none().withFunc(UserFunction.perStream(items -> items.count()))
 * }</pre>
 *
 * <p>A JSON pipeline cannot hold code, so it names the function instead ({@code "func": "plus3"}
 * next to {@code conf}), which reads as {@link #named(String)}; the name is looked up in the
 * context the pipeline runs with ({@link ModuleContext#withFunction(String, UserFunction)}) when
 * the module is assembled.
 *
 * <p>What a function may return, and what becomes of it, is documented by the module using it.
 */
public sealed interface UserFunction permits UserFunction.PerItem, UserFunction.PerStream, UserFunction.Named {

  /** A function called once per item ({@code udf}). */
  static PerItem perItem(Function<? super Item, ?> function) {
    return new PerItem(function);
  }

  /** A function called once with the whole stream ({@code aggregate}). */
  static PerStream perStream(Function<? super Flux<Item>, ?> function) {
    return new PerStream(function);
  }

  /** A reference to a function registered in the context under {@code name}. */
  static Named named(String name) {
    return new Named(name);
  }

  /**
   * A function called once per item.
   *
   * @param function receives the item and returns the result
   */
  record PerItem(Function<? super Item, ?> function) implements UserFunction {
    /** Checks the function is there. */
    public PerItem {
      Objects.requireNonNull(function, "function");
    }
  }

  /**
   * A function called once with the whole stream.
   *
   * @param function receives the stream and returns the result
   */
  record PerStream(Function<? super Flux<Item>, ?> function) implements UserFunction {
    /** Checks the function is there. */
    public PerStream {
      Objects.requireNonNull(function, "function");
    }
  }

  /**
   * A function registered in the context, by name.
   *
   * @param name the name it was registered under
   */
  record Named(String name) implements UserFunction {
    /** Checks the name is not blank. */
    public Named {
      if (name.isBlank()) {
        throw new IllegalArgumentException("a function name must not be blank");
      }
    }
  }

  /**
   * The call's {@code func} option as a function of the kind the module needs, a named one
   * looked up in the call's context. Modules call it at assembly, so that a missing function
   * fails before anything runs.
   *
   * @throws ConfException (key {@code func}) when the call has no function, names one the
   *     context does not hold (the message says how to register it), or gives one of the other
   *     kind
   */
  static <T extends UserFunction> T require(ModuleCall call, Class<T> kind) {
    UserFunction func = call.options().func();
    String module = call.label();
    if (func == null) {
      throw new ConfException(module, "func", "is required: the " + describe(kind) + " to apply. Java: pass "
          + "CallOptions.withFunc(" + example(kind) + "); JSON pipelines: name a registered function, "
          + "\"func\": \"<name>\", and register it with ModuleContext.withFunction(\"<name>\", " + example(kind) + ")");
    }
    if (func instanceof Named named) {
      func = call.context().function(named.name()).orElseThrow(() -> new ConfException(module, "func",
          "names the function '" + named.name() + "', which is not registered; register it in the context the pipeline "
              + "runs with: ModuleContext.withFunction(\"" + named.name() + "\", " + example(kind)
              + ") (Pipeline.withContext / Pipe.withContext). Registered functions: "
              + (call.context().functionNames().isEmpty() ? "none" : String.join(", ", call.context().functionNames()))));
    }
    if (!kind.isInstance(func)) {
      String which = call.options().func() instanceof Named named ? "the function '" + named.name() + "'" : "the function";
      throw new ConfException(module, "func", "is " + which + ", " + describe(func.getClass()) + "; this module needs a "
          + describe(kind) + ": " + example(kind));
    }
    return kind.cast(func);
  }

  /**
   * The error for a user function that failed, naming the module and, when the function was
   * given by name, the function.
   */
  static ModuleException failure(ModuleCall call, Throwable error) {
    String which = call.options().func() instanceof Named named ? "function '" + named.name() + "'" : "the function";
    String message = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
    return new ModuleException(call.label(), which + " failed: " + message, error);
  }

  private static String describe(Class<?> kind) {
    return kind == PerStream.class ? "whole-stream function" : "per-item function";
  }

  private static String example(Class<?> kind) {
    return kind == PerStream.class ? "UserFunction.perStream(items -> ...)" : "UserFunction.perItem(item -> ...)";
  }
}
