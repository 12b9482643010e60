package riko.reactive.modules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.ConfException;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.reactive.http.FetchException;
import riko.spi.ModuleException;
import riko.spi.ResourceFetcher;
import riko.spi.ResourceHandler;
import riko.spi.ResourceRequest;
import riko.value.PyStr;

/**
 * What every fetching module does alike: reads the {@code headers} conf (a riko-java addition:
 * request headers sent with every HTTP fetch of the module) and fetches a URL so that any failure
 * becomes a {@link ModuleException} naming the module and the URL.
 */
final class SourceFetch {

  /** The conf key of the extra request headers. */
  static final String HEADERS = "headers";

  private SourceFetch() {}

  /**
   * The {@code headers} conf as header name to text; empty when absent.
   *
   * @throws ConfException when {@code headers} is not a map
   */
  static Map<String, String> headers(ResolvedConf conf) {
    Object value = conf.get(HEADERS);
    if (value == null) {
      return Map.of();
    }
    Map<?, ?> map = value instanceof Item item && !item.isRaw() ? item.asMap() : value instanceof Map<?, ?> m ? m : null;
    if (map == null) {
      throw new ConfException(conf.module(), HEADERS, "must be a map of header names to values, was " + PyStr.repr(value));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    map.forEach((name, text) -> {
      if (text != null) {
        headers.put(PyStr.str(name), PyStr.str(text));
      }
    });
    return headers;
  }

  /**
   * The {@code url} conf as a list of URLs: one text, or a list read URL by URL in order (riko's
   * compiled pipelines read every URL of a list); {@code null} entries are skipped.
   *
   * @param what what the module reads, for the error message
   * @throws ConfException when {@code url} is missing
   */
  static List<String> urls(ResolvedConf conf, String what) {
    if (conf.get("url") == null) {
      throw new ConfException(conf.module(), "url", "is required (" + what + ")");
    }
    List<String> urls = new ArrayList<>();
    for (Object each : conf.list("url")) {
      if (each != null) {
        urls.add(PyStr.str(each));
      }
    }
    return urls;
  }

  /**
   * Fetches {@code url} with {@code headers}; errors other than {@link ModuleException}s become
   * ones labelled {@code label} that name the URL.
   */
  static <T> Flux<T> fetch(ResourceFetcher fetcher, String url, Map<String, String> headers, String label,
      ResourceHandler<T> handler) {
    return fetcher.fetch(new ResourceRequest(url, headers), handler)
        .onErrorMap(e -> !(e instanceof ModuleException), e -> failure(label, url, e));
  }

  /** A {@link ModuleException} labelled {@code label} for a failure reading {@code url}. */
  static ModuleException failure(String label, String url, Throwable e) {
    return new ModuleException(label, e instanceof FetchException ? e.getMessage() : "cannot read " + url + ": " + message(e), e);
  }

  private static String message(Throwable e) {
    @Nullable String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
