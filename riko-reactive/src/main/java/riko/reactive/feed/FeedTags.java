package riko.reactive.feed;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** feedparser's {@code tags} of a feed or entry: each a {term, scheme, label} detail, kept once. */
final class FeedTags {

  private FeedTags() {}

  /** Adds a tag to {@code context} unless it has no term, scheme or label, or is there already. */
  static void add(FeedDict context, @Nullable String term, @Nullable String scheme, @Nullable String label) {
    List<Object> tags = context.list("tags");
    if (!FeedText.truthy(term) && !FeedText.truthy(scheme) && !FeedText.truthy(label)) {
      return;
    }
    FeedDict tag = new FeedDict();
    tag.put("term", term);
    tag.put("scheme", scheme);
    tag.put("label", label);
    if (!tags.contains(tag)) {
      tags.add(tag);
    }
  }
}
