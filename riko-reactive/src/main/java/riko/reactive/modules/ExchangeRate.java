package riko.reactive.modules;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.reactive.http.ResponseCharset;
import riko.reactive.http.StandardFetcher;
import riko.reactive.http.WholeBody;
import riko.spi.FieldCast;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;
import riko.spi.ResourceFetcher;
import riko.spi.RikoException;
import riko.value.Cast;
import riko.value.DecimalNaN;
import riko.value.PyStr;
import riko.value.PythonDecimal;

/**
 * riko's {@code exchangerate}: the exchange rate from the currency in an item's field (the BASE,
 * {@code content} by default, as text) to the conf's {@code currency} (the TARGET), read from a
 * rates document such as Open Exchange Rates' {@code latest.json}. A transformer: the rate, a
 * decimal, is assigned to {@code exchangerate} (units of TARGET per one unit of BASE).
 *
 * <p><b>Conf.</b>
 * <ul>
 *   <li>{@code currency} (text, default {@code USD}): the target currency code.
 *   <li>{@code url} (text, default {@value #DEFAULT_URL}): the rates document, a JSON object whose
 *       {@code rates} object maps currency codes to units per one US dollar. {@code http(s):}
 *       URLs, {@code file:} URLs ({@code file://riko/data/quote.json}: riko's fixture) and bare
 *       data file names, as {@link StandardFetcher} reads them (or the context's fetcher).
 *   <li>{@code param} (map, default {@code {"app_id": <environment variable
 *       OPEN_EXCHANGE_RATES_ID>}}): query parameters added to {@code http(s):} URLs, encoded as
 *       Python's {@code requests} encodes them (spaces as {@code +}; a {@code null} value is left
 *       out, so without the environment variable no {@code app_id} is sent; a list repeats the
 *       key). Keys arrive lower-cased, like every conf key (QUIRK: {@code App_ID} is sent as
 *       {@code app_id}). A {@code param} conf replaces the default map as a whole. Local files get
 *       no parameters.
 *   <li>{@code precision} (integer, default 6): decimal places of the result.
 *   <li>{@code delay} (number of seconds, default 0): waits this long, on Reactor's timer and
 *       without blocking, before each fetch (riko's async engine's latency simulation).
 *   <li>{@code memoize} (bool, default true): accepted, no effect (QUIRK: riko never caches the
 *       document either).
 *   <li>{@code encoding} (text, default {@code utf-8}): the charset of a response that names none
 *       and is not {@code text/*} ({@link ResponseCharset}).
 *   <li>{@code headers} (map of texts, riko-java only): request headers sent with the HTTP fetch.
 * </ul>
 *
 * <p><b>Emits</b> the item with the rate assigned (riko's rule for a single non-map value; with
 * {@code emit: true} the bare decimal is emitted instead), computed as riko computes it:
 * <ol>
 *   <li>base equal to target (exact, case-sensitive text comparison): decimal {@code 1}, and
 *       nothing is fetched;
 *   <li>otherwise the document is fetched, once per item (no caching), and its {@code rates}
 *       read. Missing or empty {@code rates} (any falsy value): decimal {@code 0}, unquantised
 *       (QUIRK);
 *   <li>every truthy rate becomes a decimal: integers exactly, JSON numbers with a fraction or
 *       exponent by the EXACT expansion of their double ({@code new BigDecimal(double)}, as
 *       Python's {@code Decimal(float)}: 0.78419 is 0.78418999999999994...), strings parsed as
 *       decimals ({@code "NaN"} is NaN), {@code true} as 1, a bare {@code NaN} (which Python's
 *       JSON reader accepts) as NaN; zero and empty rates are dropped;
 *   <li>a target of {@code USD} gives {@code 1 / rates[base]}; any other target
 *       {@code 1 / (rates[base] / rates[target])}, each division Python's (28 significant
 *       digits, half-even, {@link PythonDecimal}). {@code rates[base]} is read from the
 *       document even for base {@code USD}. A code missing from {@code rates} makes the rate
 *       decimal NaN;
 *   <li>the rate is quantised half-even to {@code precision} decimal places ({@code 1.275201});
 *       QUIRK: a negative precision rounds to units ({@code -2}: {@code 2282}), since riko's
 *       quantum {@code Decimal(10) ** 2} is the integer 100.
 * </ol>
 *
 * <p><b>Errors.</b> At assembly, when the conf is static: a {@code currency} that is not text, an
 * empty {@code url}, a {@code param} that is not a map, a {@code precision} that is not an
 * integer, a negative or non-numeric {@code delay}, an unknown {@code encoding} or a
 * {@code headers} that is not a map is a {@link ConfException} naming the key. At runtime, as a
 * {@link ModuleException} naming the module and the URL (the project's policy for fetches), after
 * the items already emitted: a fetch that fails (HTTP status outside 2xx, connection refused,
 * missing file); a document that is not a JSON object (or has data after it); a non-empty
 * {@code rates} that is not an object, or a rate that is not a number (a non-numeric string, a
 * list, an infinite number, which riko would read as a decimal infinity); a
 * zero rate written as a string ({@code "0"}), which divides by zero; and a quantised rate of more
 * than 28 digits. The {@code param} values never appear in messages (they are written
 * {@code ***}), since {@code app_id} is a credential. riko raises for all of these too, but with
 * less to go on: a failed fetch is logged and then read as an empty document, so riko reports a
 * JSON decoding error ("Expecting value") instead of the fetch failure.
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * Mono<Object> rate = ExchangeRate.rate("GBP",
 *     new ExchangeRate.Conf("USD", "file://riko/data/quote.json"), StandardFetcher.shared());
 * // BigDecimal 1.275201
 * }</pre>
 * In a pipeline, with another rates API and its key:
 * <pre>{@code
 * {"id": "sw-2", "type": "exchangerate",
 *  "conf": {"currency": "EUR", "precision": 4,
 *           "url": "https://openexchangerates.org/api/latest.json",
 *           "param": {"app_id": "0123abcd"}}}
 * }</pre>
 */
public final class ExchangeRate extends ProcessorModule {

  /** riko's default rates document: Open Exchange Rates' latest rates (needs an app id). */
  public static final String DEFAULT_URL = "https://openexchangerates.org/api/latest.json";

  /** The environment variable riko reads the default {@code app_id} parameter from. */
  public static final String APP_ID_VARIABLE = "OPEN_EXCHANGE_RATES_ID";

  private static final String NAME = "exchangerate";
  private static final String USD = "USD";
  private static final Pattern HTTP = Pattern.compile("(?i)https?:");
  /** Python's {@code json}: {@code NaN} and {@code Infinity} read, trailing data refused, the last of repeated keys kept. */
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  /** Python's default {@code Emax}. */
  private static final long EXPONENT_LIMIT = 999_999;

  /**
   * A typed conf for Java callers.
   *
   * @param currency the target currency code
   * @param url the rates document
   * @param param query parameters for {@code http(s):} URLs, each name with its values in order
   * @param precision decimal places of the result
   * @param delay how long to wait before each fetch
   * @param encoding the charset of a response that names none and is not {@code text/*}
   * @param headers request headers sent with the HTTP fetch
   */
  public record Conf(String currency, String url, Map<String, List<String>> param, long precision, Duration delay,
      Charset encoding, Map<String, String> headers) {

    /** Copies the maps; the URL must not be empty and the delay not negative. */
    public Conf {
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(encoding, "encoding");
      if (url.isEmpty()) {
        throw new ConfException(NAME, "url", "must name the rates document, was empty");
      }
      if (delay.isNegative()) {
        throw new ConfException(NAME, "delay", "must not be negative, was " + delay);
      }
      Map<String, List<String>> copy = new LinkedHashMap<>();
      param.forEach((name, values) -> copy.put(Objects.requireNonNull(name, "param name"), List.copyOf(values)));
      param = Collections.unmodifiableMap(copy);
      headers = Map.copyOf(headers);
    }

    /** riko's defaults for everything but the target and the document: no parameters, 6 places. */
    public Conf(String currency, String url) {
      this(currency, url, Map.of(), 6, Duration.ZERO, StandardCharsets.UTF_8, Map.of());
    }

    static Conf from(ResolvedConf conf) {
      Object currency = conf.get("currency");
      if (!(currency instanceof String code)) {
        throw new ConfException(conf.module(), "currency", "must be a currency code (text), was " + PyStr.repr(currency));
      }
      Object url = conf.get("url");
      if (url == null || PyStr.str(url).isEmpty()) {
        throw new ConfException(conf.module(), "url", "is required (the rates document)");
      }
      return new Conf(code, PyStr.str(url), param(conf), precision(conf), delay(conf),
          ResponseCharset.forEncoding(conf.module(), conf.text("encoding", "utf-8")), SourceFetch.headers(conf));
    }

    private static Map<String, List<String>> param(ResolvedConf conf) {
      Object value = conf.get("param");
      Map<?, ?> map = value instanceof Item item && !item.isRaw() ? item.asMap() : value instanceof Map<?, ?> m ? m : null;
      if (map == null) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
          return Map.of();
        }
        throw new ConfException(conf.module(), "param", "must be a map of query parameter names to values, was "
            + PyStr.repr(value));
      }
      Map<String, List<String>> param = new LinkedHashMap<>();
      map.forEach((name, values) -> {
        List<String> texts = new ArrayList<>();
        for (Object each : values instanceof List<?> list ? list : Collections.singletonList(values)) {
          if (each != null) {
            texts.add(PyStr.str(each));
          }
        }
        if (!texts.isEmpty()) {
          param.put(PyStr.str(name), texts);
        }
      });
      return param;
    }

    private static long precision(ResolvedConf conf) {
      Object value = conf.get("precision");
      if (value instanceof Long || value instanceof Integer) {
        return ((Number) value).longValue();
      }
      if (value instanceof Boolean b) {
        return b ? 1 : 0;
      }
      throw new ConfException(conf.module(), "precision", "must be an integer number of decimal places, was "
          + PyStr.repr(value));
    }

    private static Duration delay(ResolvedConf conf) {
      Object value = conf.get("delay");
      if (value == null || (value instanceof String s && s.isBlank())) {
        return Duration.ZERO;
      }
      double seconds = Cast.toFloat(value);
      if (Double.isNaN(seconds) || seconds < 0 || Double.isInfinite(seconds)) {
        throw new ConfException(conf.module(), "delay", "must be a non-negative number of seconds, was " + PyStr.repr(value));
      }
      return Duration.ofNanos((long) (seconds * 1e9));
    }
  }

  /** The module, as registered: its default {@code app_id} comes from the environment. */
  public ExchangeRate() {
    this(System::getenv);
  }

  /** The module with the default {@code app_id} read from {@code environment}. */
  ExchangeRate(Function<String, @Nullable String> environment) {
    super(ModuleMetadata.transformer(NAME, "Looks up the exchange rate from a currency to another in a rates document."),
        ProcessorSpec.transformer(defaults(environment.apply(APP_ID_VARIABLE)), "content", FieldCast.TEXT, NAME));
  }

  private static Map<String, @Nullable Object> defaults(@Nullable String appId) {
    Map<String, @Nullable Object> param = new LinkedHashMap<>();
    param.put("app_id", appId);
    Map<String, @Nullable Object> defaults = new LinkedHashMap<>();
    defaults.put("currency", USD);
    defaults.put("delay", 0L);
    defaults.put("memoize", true);
    defaults.put("precision", 6L);
    defaults.put("url", DEFAULT_URL);
    defaults.put("param", param);
    defaults.put("encoding", "utf-8");
    return defaults;
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    staticConf(conf, call).ifPresent(Conf::from);
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    String base = value == null ? "" : PyStr.str(value);
    return ProcessorResult.later(
        rate(base, conf.parsed(Conf.class, Conf::from), StandardFetcher.forContext(call.context()), call.label()).map(ProcessorResult::of));
  }

  /**
   * The rate from {@code base} to the conf's currency, read with {@code fetcher}, for Java callers:
   * a {@link BigDecimal} or {@link DecimalNaN#INSTANCE}. Errors are {@link ModuleException}s
   * labelled {@code exchangerate}.
   */
  public static Mono<Object> rate(String base, Conf conf, ResourceFetcher fetcher) {
    return rate(base, conf, fetcher, NAME);
  }

  private static Mono<Object> rate(String base, Conf conf, ResourceFetcher fetcher, String label) {
    Objects.requireNonNull(fetcher, "fetcher");
    if (base.equals(conf.currency())) {
      return Mono.just(BigDecimal.ONE);
    }
    String url = withQuery(conf.url(), conf.param(), false);
    String shown = withQuery(conf.url(), conf.param(), true);
    Mono<Object> fetched = SourceFetch.<Object>fetch(fetcher, url, conf.headers(), label, (info, body) ->
            WholeBody.read(body, url, WholeBody.maxBytes())
                .publishOn(Schedulers.boundedElastic())
                .map(bytes -> rate(ResponseCharset.decode(bytes, ResponseCharset.of(info, conf.encoding())), base, conf,
                    label, shown)))
        .next()
        .onErrorMap(e -> failure(e, url, shown, conf, label));
    return conf.delay().isZero() ? fetched : Mono.delay(conf.delay()).then(fetched);
  }

  /** riko's rate from the rates document's text. */
  private static Object rate(String text, String base, Conf conf, String label, String url) {
    JsonNode document;
    try {
      document = JSON.readTree(text);
    } catch (JacksonException e) {
      throw new ModuleException(label, "the rates document " + url + " is not JSON: " + e.getOriginalMessage());
    }
    if (document == null || !document.isObject()) {
      throw new ModuleException(label, "the rates document " + url + " is not a JSON object");
    }
    JsonNode rates = document.get("rates");
    if (!truthy(rates)) {
      return BigDecimal.ZERO;
    }
    if (!rates.isObject()) {
      throw new ModuleException(label, "'rates' in " + url + " must be an object of currency codes to rates, was "
          + rates.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    Map<String, Object> decimals = new HashMap<>();
    rates.properties().forEach(entry -> {
      if (truthy(entry.getValue())) {
        decimals.put(entry.getKey(), decimal(entry.getKey(), entry.getValue(), label, url));
      }
    });
    try {
      Object from = decimals.getOrDefault(base, DecimalNaN.INSTANCE);
      Object perBase = conf.currency().equals(USD) ? from : divide(from, decimals.getOrDefault(conf.currency(), DecimalNaN.INSTANCE));
      return quantize(divide(BigDecimal.ONE, perBase), conf.precision());
    } catch (ArithmeticException e) {
      throw new ModuleException(label, "cannot compute the rate " + base + "/" + conf.currency() + " from " + url + ": "
          + e.getMessage(), e);
    }
  }

  /** Python's truthiness of a JSON value; {@code null} (absent) is falsy. */
  private static boolean truthy(@Nullable JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return false;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().signum() != 0;
    }
    if (node.isNumber()) {
      return node.doubleValue() != 0.0;
    }
    if (node.isTextual()) {
      return !node.textValue().isEmpty();
    }
    return node.size() > 0;
  }

  /** Python's {@code Decimal(v)} of a (truthy) JSON value: exact, doubles by their binary expansion. */
  private static Object decimal(String code, JsonNode node, String label, String url) {
    if (node.isIntegralNumber()) {
      return new BigDecimal(node.bigIntegerValue());
    }
    if (node.isNumber() && Double.isNaN(node.doubleValue())) {
      return DecimalNaN.INSTANCE;
    }
    if (node.isNumber() && Double.isFinite(node.doubleValue())) {
      return new BigDecimal(node.doubleValue());
    }
    if (node.isBoolean()) {
      return BigDecimal.ONE;
    }
    if (node.isTextual()) {
      return Cast.parseDecimal(node.textValue()).orElseThrow(() -> new ModuleException(label,
          "the rate of " + code + " in " + url + " is not a number: " + node));
    }
    throw new ModuleException(label, "the rate of " + code + " in " + url + " must be a finite number, was " + node);
  }

  /** Python's decimal division; NaN when either side is NaN. */
  private static Object divide(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return PythonDecimal.divide(x, y);
    }
    return DecimalNaN.INSTANCE;
  }

  /**
   * Python's {@code value.quantize(Decimal(10) ** -places)} in the default context: half-even, to
   * the exponent of {@code Decimal(10) ** -places}, which is {@code -places} for places from 0 up,
   * but 0 for -1 to -27 (QUIRK: {@code Decimal(10) ** 2} is the integer {@code 100}, so a negative
   * precision rounds to units) and {@code -places - 27} below, where the power is rounded to 28
   * digits. Fails, as Python does, when the result needs more than 28 digits or the power
   * overflows.
   */
  static Object quantize(Object value, long places) {
    if (!(value instanceof BigDecimal decimal)) {
      return value;
    }
    long exponent;
    if (places >= 0) {
      if (places > EXPONENT_LIMIT + PythonDecimal.PRECISION - 1) {
        throw tooManyDigits(places);
      }
      exponent = -places;
    } else {
      if (places < -EXPONENT_LIMIT) {
        throw new ArithmeticException("overflow: 10 ** " + -places + " is above Emax");
      }
      exponent = Math.max(0, -places - (PythonDecimal.PRECISION - 1));
    }
    long digits = decimal.signum() == 0 ? 1 : (long) decimal.precision() - decimal.scale() - exponent;
    if (digits > PythonDecimal.PRECISION) {
      throw tooManyDigits(places);
    }
    BigDecimal result = decimal.setScale((int) -exponent, RoundingMode.HALF_EVEN);
    if (result.precision() > PythonDecimal.PRECISION) {
      throw tooManyDigits(places);
    }
    return result;
  }

  private static ArithmeticException tooManyDigits(long places) {
    return new ArithmeticException("invalid operation: the rate quantised to precision " + places + " needs more than "
        + PythonDecimal.PRECISION + " digits");
  }

  /**
   * {@code url} with the parameters appended as Python's {@code requests} appends them (after an
   * existing query, before a fragment); only {@code http(s):} URLs get them. {@code masked}
   * writes every value as {@code ***}, for messages.
   */
  static String withQuery(String url, Map<String, List<String>> param, boolean masked) {
    if (param.isEmpty() || !HTTP.matcher(url).lookingAt()) {
      return url;
    }
    StringBuilder query = new StringBuilder();
    param.forEach((name, values) -> values.forEach(value -> {
      if (query.length() > 0) {
        query.append('&');
      }
      query.append(quotePlus(name)).append('=').append(masked ? "***" : quotePlus(value));
    }));
    int hash = url.indexOf('#');
    String head = hash < 0 ? url : url.substring(0, hash);
    String fragment = hash < 0 ? "" : url.substring(hash);
    String separator = head.indexOf('?') < 0 ? "?" : head.endsWith("?") || head.endsWith("&") ? "" : "&";
    return head + separator + query + fragment;
  }

  /** Python's {@code urllib.parse.quote_plus}: UTF-8, {@code A-Za-z0-9_.-~} kept, space as {@code +}. */
  private static String quotePlus(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_.-~".indexOf(c) >= 0) {
        out.append((char) c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /**
   * A failure with the parameter values masked in its message (the cause, which may show them, is
   * dropped then) and, for riko's default API without an {@code app_id}, a hint.
   */
  private static Throwable failure(Throwable e, String url, String shown, Conf conf, String label) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof ModuleException me && message.startsWith("module '" + me.module() + "': ")) {
      message = message.substring(("module '" + me.module() + "': ").length());
    }
    boolean masked = !url.equals(shown) && message.contains(url);
    boolean hint = conf.url().equals(DEFAULT_URL) && !conf.param().containsKey("app_id");
    if (!masked && !hint && e instanceof RikoException) {
      return e;
    }
    String text = masked ? message.replace(url, shown) : message;
    if (hint) {
      text += " (the default rates API needs an app id: set the environment variable " + APP_ID_VARIABLE
          + " or the conf param.app_id, or point url at another rates document)";
    }
    return masked ? new ModuleException(label, text) : new ModuleException(label, text, e);
  }
}
