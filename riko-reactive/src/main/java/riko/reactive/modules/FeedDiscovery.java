package riko.reactive.modules;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import riko.item.Item;
import riko.reactive.feed.FeedLinks;
import riko.reactive.http.ResponseCharset;
import riko.reactive.http.WholeBody;
import riko.spi.ResourceFetcher;

/**
 * The page reading that {@code feedautodiscovery} and {@code fetchsitefeed} share: fetch a page,
 * decode it (the response's charset, {@code text/*} as ISO-8859-1, else UTF-8) and list its feed
 * links with {@link FeedLinks}.
 */
final class FeedDiscovery {

  private FeedDiscovery() {}

  /**
   * Whether riko would scan {@code url} itself as HTML: its QUIRK for a url that cannot be opened
   * because it is not a URL. riko-java takes text that starts with {@code <} for markup.
   */
  static boolean isMarkup(String url) {
    return url.stripLeading().startsWith("<");
  }

  /** The feed links of the page at {@code url} (or of {@code url} itself when it is markup). */
  static Flux<Item> links(ResourceFetcher fetcher, String url, Map<String, String> headers, boolean strict,
      boolean sort, String label) {
    if (isMarkup(url)) {
      return Flux.defer(() -> Flux.fromIterable(FeedLinks.discover(url, strict, sort)));
    }
    return SourceFetch.<Item>fetch(fetcher, url, headers, label, (info, body) ->
        WholeBody.read(body, url, WholeBody.maxBytes())
            .publishOn(Schedulers.boundedElastic())
            .flatMapIterable(bytes -> FeedLinks.discover(
                ResponseCharset.decode(bytes, ResponseCharset.of(info, StandardCharsets.UTF_8)), strict, sort)));
  }
}
