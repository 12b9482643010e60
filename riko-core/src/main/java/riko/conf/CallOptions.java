package riko.conf;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import riko.spi.UserFunction;

/**
 * The per-call options that sit beside a module's conf ({@code conf.md} 3): which field a
 * transformer reads, where a result is assigned, whether results replace the item, how many
 * results are kept, and which items are skipped. Unset options take the module's defaults.
 *
 * <pre>{@code
 * CallOptions.none().withField("title").withAssign("slug")
 * CallOptions.none().withEmit(true)
 * CallOptions.none().withFunc(UserFunction.perItem(item -> item.with("seen", true)))
 * }</pre>
 *
 * @param field the dotted path the module reads, or {@code null} for the module's default
 * @param assign where a non-emitted result goes, or {@code null} for the module's default
 * @param emit {@code true} to replace the item with the results, {@code false} to assign them,
 *     {@code null} for the module's default
 * @param count how many results to keep, or {@code null} for riko's "absent"
 * @param skipIf items to pass through untouched, or {@code null}
 * @param func the user function of {@code udf} and {@code aggregate}, or {@code null}
 */
public record CallOptions(
    @Nullable String field,
    @Nullable String assign,
    @Nullable Boolean emit,
    @Nullable Count count,
    @Nullable SkipIf skipIf,
    @Nullable UserFunction func) {

  private static final CallOptions NONE = new CallOptions(null, null, null, null, null, null);

  /** Options without a user function. */
  public CallOptions(@Nullable String field, @Nullable String assign, @Nullable Boolean emit, @Nullable Count count,
      @Nullable SkipIf skipIf) {
    this(field, assign, emit, count, skipIf, null);
  }

  /** No options: every module default applies. */
  public static CallOptions none() {
    return NONE;
  }

  /** A copy reading {@code field}. */
  public CallOptions withField(@Nullable String field) {
    return new CallOptions(field, assign, emit, count, skipIf, func);
  }

  /** A copy assigning to {@code assign}. */
  public CallOptions withAssign(@Nullable String assign) {
    return new CallOptions(field, assign, emit, count, skipIf, func);
  }

  /** A copy with an explicit emit choice. */
  public CallOptions withEmit(@Nullable Boolean emit) {
    return new CallOptions(field, assign, emit, count, skipIf, func);
  }

  /** A copy keeping {@code count} results. */
  public CallOptions withCount(@Nullable Count count) {
    return new CallOptions(field, assign, emit, count, skipIf, func);
  }

  /** A copy skipping what {@code skipIf} matches. */
  public CallOptions withSkipIf(@Nullable SkipIf skipIf) {
    return new CallOptions(field, assign, emit, count, skipIf, func);
  }

  /**
   * A copy with a user function ({@code udf}, {@code aggregate}):
   * {@code withFunc(UserFunction.perItem(item -> ...))}, or {@code withFunc(UserFunction.named("plus3"))}
   * for one registered in the context.
   */
  public CallOptions withFunc(@Nullable UserFunction func) {
    return new CallOptions(field, assign, emit, count, skipIf, func);
  }

  /** The explicit emit choice, if any. */
  public Optional<Boolean> explicitEmit() {
    return Optional.ofNullable(emit);
  }
}
