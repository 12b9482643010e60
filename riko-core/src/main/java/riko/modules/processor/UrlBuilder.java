package riko.modules.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.FieldCast;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;
import riko.value.PyStr;
import riko.value.Truthiness;

/**
 * riko's {@code urlbuilder}: builds a URL from a base, path segments and query parameters.
 *
 * <p><b>Conf.</b>
 *
 * <ul>
 *   <li>{@code base} (text, optional): the base URL. Absent or empty, the result is the path
 *       alone.
 *   <li>{@code path} (text or list of text, optional): path segments, joined with {@code /} and
 *       resolved against {@code base} as Python's {@code urljoin} does (RFC 3986 with Python's
 *       deviations). QUIRK: a base without a trailing slash loses its last segment
 *       ({@code http://x.com/api} + {@code v1} is {@code http://x.com/v1}); a base without a
 *       scheme ({@code quote}) is resolved the same way; empty segments are dropped and
 *       {@code ..} never climbs above the root; nothing in the path is percent-encoded
 *       ({@code a b} stays {@code a b}). A map is logged as an error and ignored (QUIRK).
 *   <li>{@code param} (required, QUIRK: absent or {@code null} is an error, an empty list is
 *       fine): a map {@code {"key": k, "value": v}} or a list of them. Parameters whose key is
 *       falsy ({@code ""}, missing) are skipped; the others are appended in order as
 *       {@code ?k=v&...}, form-encoded like Python's {@code urlencode} (UTF-8, space as
 *       {@code +}, everything but letters, digits and {@code _.-~} percent-encoded; keys and
 *       values are their Python {@code str()}: QUIRK, a missing value is {@code None}). QUIRK: a
 *       parameter that is not a map is skipped with a warning, as a parameter without key; note
 *       that {@code {"value": v}} alone is a typed value and reads as {@code v}.
 *   <li>{@code ext} (text, optional): when truthy, every {@code < > : " / \ | * ? %} of the URL
 *       becomes {@code _} and {@code .<ext>} is appended, turning the URL into the file name of
 *       cached data ({@code api.github.com_search_users_q=defunkt.json}).
 * </ul>
 *
 * <p>Every value may be an item or terminal reference; such a conf is resolved per item.
 *
 * <p><b>Emits</b> the URL string, raw (consumers see {@code {"content": url}}), once per input
 * item; with {@code emit: false} it is assigned under {@code assign} (default
 * {@code urlbuilder}).
 *
 * <p><b>Errors.</b> {@link ConfException}, at assembly when the conf is static (else when the
 * item is processed): no {@code param} (or {@code null}); a {@code base} that is not text; a
 * {@code path} (or one of its segments) that is not text.
 *
 * <p><b>Example.</b> {@code new UrlBuilder.Conf("http://finance.yahoo.com", List.of("rss",
 * "headline"), List.of(new Param("s", "gm")), null).url()} is
 * {@code http://finance.yahoo.com/rss/headline?s=gm}; pipeline JSON:
 * {@code {"type": "urlbuilder", "conf": {"base": "http://finance.yahoo.com", "path": ["rss",
 * "headline"], "param": {"key": "s", "value": "gm"}}}}.
 */
public final class UrlBuilder extends ProcessorModule {

  private static final Logger LOG = LoggerFactory.getLogger(UrlBuilder.class);

  /** What {@code ext} replaces: the characters a file name cannot hold. */
  private static final Pattern INVALID_FILE_CHARACTERS = Pattern.compile("[<>:\"/\\\\|*?%]");

  /**
   * One query parameter.
   *
   * @param key its name (already known to be truthy)
   * @param value its value, written as its Python {@code str()} ({@code null} is {@code None})
   */
  public record Param(String key, @Nullable Object value) {}

  /**
   * The module's conf.
   *
   * @param base the base URL, or {@code null}
   * @param path the path segments
   * @param params the query parameters, in order
   * @param ext the file extension of {@code ext} mode, or {@code null}
   */
  public record Conf(@Nullable String base, List<String> path, List<Param> params, @Nullable String ext) {

    /** Copies the lists. */
    public Conf {
      path = List.copyOf(path);
      params = List.copyOf(params);
    }

    /** The URL. */
    public String url() {
      String joined = PythonUrlParse.join(base == null ? "" : base, String.join("/", path));
      List<String> pairs = new ArrayList<>(params.size());
      for (Param param : params) {
        pairs.add(PythonUrlParse.quotePlus(param.key()) + "=" + PythonUrlParse.quotePlus(PyStr.str(param.value())));
      }
      String url = pairs.isEmpty() ? joined : joined + "?" + String.join("&", pairs);
      if (ext != null && !ext.isEmpty()) {
        url = INVALID_FILE_CHARACTERS.matcher(url).replaceAll("_") + "." + ext;
      }
      return url;
    }

    static Conf from(ResolvedConf conf) {
      List<Param> params = new ArrayList<>();
      for (Object raw : conf.requireList("param")) {
        if (!(raw instanceof Map<?, ?>) && !(raw instanceof Item)) {
          LOG.warn("{}: param {} is not a map with key and value; it is skipped", conf.module(), PyStr.repr(raw));
          continue;
        }
        ResolvedConf param = ResolvedConf.entry(conf.module(), "param", raw);
        Object key = param.get("key");
        if (Truthiness.isTruthy(key)) {
          params.add(new Param(PyStr.str(key), param.get("value")));
        }
      }
      Object base = conf.get("base");
      if (base != null && !(base instanceof String)) {
        throw new ConfException(conf.module(), "base", "must be text (a URL), was " + PyStr.repr(base));
      }
      Object ext = conf.get("ext");
      return new Conf((String) base, path(conf), params, Truthiness.isTruthy(ext) ? PyStr.str(ext) : null);
    }

    private static List<String> path(ResolvedConf conf) {
      Object path = conf.get("path");
      if (path instanceof String segment) {
        return List.of(segment);
      }
      if (path instanceof Map<?, ?> || path instanceof Item) {
        LOG.error("{}: path should be a string or list of strings, not {}; it is ignored", conf.module(), PyStr.repr(path));
        return List.of();
      }
      if (!Truthiness.isTruthy(path)) {
        return List.of();
      }
      if (!(path instanceof List<?> list)) {
        throw new ConfException(conf.module(), "path", "must be text or a list of text, was " + PyStr.repr(path));
      }
      List<String> segments = new ArrayList<>(list.size());
      for (Object segment : list) {
        if (!(segment instanceof String text)) {
          throw new ConfException(conf.module(), "path", "must be text or a list of text; segment "
              + (segments.size() + 1) + " was " + PyStr.repr(segment));
        }
        segments.add(text);
      }
      return segments;
    }
  }

  /** The module, as registered. */
  public UrlBuilder() {
    super(ModuleMetadata.transformer("urlbuilder", "Builds a URL from a base, path segments and query parameters."),
        ProcessorSpec.transformer(Map.of(), null, FieldCast.PASS, "urlbuilder").emitting());
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    if (!conf.has("param")) {
      throw new ConfException(call.label(), "param",
          "is required: a map {\"key\": k, \"value\": v} or a list of them (an empty list for no query)");
    }
    staticConf(conf, call).ifPresent(Conf::from);
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    return ProcessorResult.of(conf.parsed(Conf.class, Conf::from).url());
  }
}
