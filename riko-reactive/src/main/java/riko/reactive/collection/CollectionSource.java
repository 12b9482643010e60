package riko.reactive.collection;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import riko.item.Item;
import riko.pipe.Pipe;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleContext;
import riko.value.PyStr;

/**
 * One source of a collection, assembled: the pipe running module {@code S.type} (default
 * {@code fetch}) with the collection's conf overlaid by the source map S, the {@code type} key
 * included (riko's QUIRK), and the origin its per-host limit counts against.
 */
record CollectionSource(int index, Map<String, @Nullable Object> spec, String module, @Nullable String url,
    @Nullable String origin, Pipe pipe) {

  /** riko's default source module. */
  static final String DEFAULT_MODULE = "fetch";

  /**
   * Assembles source {@code index}.
   *
   * @throws CollectionException naming the source when its module is unknown or its conf is bad
   */
  static CollectionSource assemble(int index, Map<String, @Nullable Object> spec, Map<String, @Nullable Object> shared,
      ModuleRegistry registry, ModuleContext context) {
    Object type = valueOf(spec, "type");
    String module = type == null ? DEFAULT_MODULE : PyStr.str(type);
    Map<String, @Nullable Object> conf = overlay(shared, spec);
    String url = url(conf.get("url"));
    try {
      Pipe pipe = Pipe.start().withRegistry(registry).withContext(context).pipe(module, conf);
      return new CollectionSource(index, spec, module, url, origin(url), pipe);
    } catch (RuntimeException e) {
      throw new CollectionException(new SourceFailure(index, spec, module, url, e));
    }
  }

  /** The report of this source failing with {@code error}. */
  SourceFailure failure(Throwable error) {
    return new SourceFailure(index, spec, module, url, error);
  }

  /** {@code shared} overlaid by {@code spec}, key by key (shallow, as riko merges); keys lower-cased as confs read them. */
  private static Map<String, @Nullable Object> overlay(Map<String, @Nullable Object> shared, Map<String, @Nullable Object> spec) {
    Map<String, @Nullable Object> conf = new LinkedHashMap<>();
    shared.forEach((key, value) -> conf.put(key.toLowerCase(Locale.ROOT), value));
    spec.forEach((key, value) -> conf.put(key.toLowerCase(Locale.ROOT), value));
    return Collections.unmodifiableMap(conf);
  }

  private static @Nullable Object valueOf(Map<String, @Nullable Object> spec, String key) {
    for (Map.Entry<String, @Nullable Object> entry : spec.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(key)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** The URL as text: a text, the first of a list, a typed value's {@code value}; else none. */
  private static @Nullable String url(@Nullable Object value) {
    if (value instanceof CharSequence text) {
      return text.toString();
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() ? null : url(list.get(0));
    }
    if (value instanceof Item item && !item.isRaw()) {
      return url(item.get("value"));
    }
    if (value instanceof Map<?, ?> map) {
      return url(map.get("value"));
    }
    return null;
  }

  /** {@code scheme://host:port} of an http(s) URL; none for other URLs (files have no host limit). */
  private static @Nullable String origin(@Nullable String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        return null;
      }
      int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
