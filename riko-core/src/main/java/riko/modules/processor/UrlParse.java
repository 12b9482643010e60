package riko.modules.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
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
import riko.value.PyStr;

/**
 * riko's {@code urlparse}: splits a URL into its six components, with the semantics of
 * Python's {@code urllib.parse.urlparse}.
 *
 * <p><b>Conf.</b> {@code parse_key} (text, default {@code content}): the key each component's
 * value is stored under. The URL is the field ({@code field} option, default {@code content}),
 * read as text (a missing field is {@code ""}).
 *
 * <p><b>Emits</b> six items per input item, in this order:
 * {@code {"component": "scheme", <parse_key>: ...}}, then {@code netloc}, {@code path},
 * {@code params} (the {@code ;params} of the last path segment, for schemes that have them, such
 * as {@code http}), {@code query} and {@code fragment}; a component that is absent is
 * {@code ""}. The scheme is lower-cased; nothing else is decoded or normalised. As in Python, a
 * URL without {@code //} has no netloc ({@code example.com/a} is all path) and
 * {@code host:80} reads as scheme {@code host}. With {@code emit: false} the six items are
 * assigned as a list under {@code assign} (default {@code urlparse}).
 *
 * <p><b>Errors.</b> A {@code parse_key} that is {@code null}, a map or a list is a
 * {@link ConfException} (other values are used as their {@code str()}), at
 * assembly when the conf is static. Where Python raises {@code ValueError} (an unbalanced or
 * invalid bracketed host such as {@code http://[::1} or {@code http://[1.2.3.4]/}, or a host
 * that NFKC normalisation turns into URL delimiters), the stream ends with a
 * {@link ModuleException} after the items already emitted.
 *
 * <p><b>Example.</b> {@code {"content": "http://u:p@x.com:80/a/b;p?q=1#f"}} gives
 * {@code {"component": "scheme", "content": "http"}}, {@code netloc} {@code u:p@x.com:80},
 * {@code path} {@code /a/b}, {@code params} {@code p}, {@code query} {@code q=1},
 * {@code fragment} {@code f}. Java: {@code Pipe.from(urls).pipe("urlparse")}; pipeline JSON:
 * {@code {"id": "sw-2", "type": "urlparse", "conf": {"parse_key": "value"}}}.
 */
public final class UrlParse extends ProcessorModule {

  /**
   * The module's conf.
   *
   * @param parseKey the key component values are stored under
   */
  public record Conf(String parseKey) {

    /**
     * The six component items of {@code url}.
     *
     * @throws IllegalArgumentException where Python's {@code urlparse} raises {@code ValueError}
     */
    public List<Item> apply(String url) {
      List<Item> items = new ArrayList<>(6);
      for (String[] component : PythonUrlParse.parse(url, "").named()) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("component", component[0]);
        map.put(parseKey, component[1]);
        items.add(Item.of(map));
      }
      return items;
    }

    static Conf from(ResolvedConf conf) {
      Object key = conf.get("parse_key");
      if (key == null || key instanceof Map<?, ?> || key instanceof Item || key instanceof List<?>) {
        throw new ConfException(conf.module(), "parse_key", "must be text (the key component values go under), was "
            + PyStr.repr(key));
      }
      return new Conf(PyStr.str(key));
    }
  }

  /** The module, as registered. */
  public UrlParse() {
    super(ModuleMetadata.transformer("urlparse", "Splits a URL into its six components."),
        ProcessorSpec.transformer(Map.<String, @Nullable Object>of("parse_key", "content"), "content", FieldCast.TEXT,
            "urlparse"));
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    staticConf(conf, call).ifPresent(Conf::from);
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    Conf parsed = conf.parsed(Conf.class, Conf::from);
    String url = value == null ? "" : PyStr.str(value);
    try {
      return ProcessorResult.stream(Flux.fromIterable(parsed.apply(url)));
    } catch (IllegalArgumentException e) {
      throw new ModuleException(call.label(), "cannot parse " + PyStr.repr(url) + ": " + e.getMessage(), e);
    }
  }
}
