package riko.reactive.feed;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * feedparser's bookkeeping of people in a feed or entry: the {@code authors} and
 * {@code contributors} lists, and the {@code author}/{@code publisher} text kept in step with its
 * {@code _detail} (name and email).
 */
final class FeedAuthors {

  private static final Pattern EMAIL = Pattern.compile(
      "(([a-zA-Z0-9_\\-.+]+)@((\\[[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.)|(([a-zA-Z0-9\\-]+\\.)+))([a-zA-Z]{2,4}|[0-9]{1,3})(]?))(\\?subject=\\S+)?");

  private FeedAuthors() {}

  /** Stores {@code key} (name, email, href) of the author or publisher ({@code prefix}) being read in {@code context}. */
  static void save(FeedDict context, String key, @Nullable String value, String prefix) {
    ((FeedDict) context.keep(prefix + "_detail", new FeedDict())).put(key, value);
    syncDetail(context, "author");
    List<Object> authors = context.list("authors");
    if (authors.isEmpty()) {
      authors.add(new FeedDict());
    }
    ((FeedDict) authors.get(authors.size() - 1)).put(key, value);
  }

  /** Stores {@code key} (name, email, href) of the contributor being read in {@code context}. */
  static void saveContributor(FeedDict context, String key, @Nullable String value) {
    List<Object> contributors = context.list("contributors");
    if (contributors.isEmpty()) {
      contributors.add(new FeedDict());
    }
    ((FeedDict) contributors.get(contributors.size() - 1)).put(key, value);
  }

  /**
   * Keeps {@code key} ({@code author} or {@code publisher}) and {@code key_detail} in step: the text
   * from the last detail's name and email, or the detail from the text ("name (email)").
   */
  static void syncDetail(FeedDict context, String key) {
    FeedDict detail = new FeedDict();
    if (context.read(key + "s") instanceof List<?> list && !list.isEmpty() && list.get(list.size() - 1) instanceof FeedDict last) {
      detail = last;
    }
    if (!detail.isEmpty()) {
      String name = detail.text("name");
      String email = detail.text("email");
      if (FeedText.truthy(name) && FeedText.truthy(email)) {
        context.put(key, name + " (" + email + ")");
      } else if (FeedText.truthy(name)) {
        context.put(key, name);
      } else if (FeedText.truthy(email)) {
        context.put(key, email);
      }
      return;
    }
    String author = context.text(key);
    if (author == null || author.isEmpty()) {
      return;
    }
    String email = null;
    Matcher match = EMAIL.matcher(author);
    if (match.find()) {
      email = match.group(0);
      author = author.replace(email, "").replace("()", "").replace("<>", "").replace("&lt;&gt;", "").strip();
      if (!author.isEmpty() && author.charAt(0) == '(') {
        author = author.substring(1);
      }
      if (!author.isEmpty() && author.charAt(author.length() - 1) == ')') {
        author = author.substring(0, author.length() - 1);
      }
      author = author.strip();
    }
    if (!author.isEmpty() || email != null) {
      context.keep(key + "_detail", detail);
    }
    if (!author.isEmpty()) {
      detail.put("name", author);
    }
    if (email != null) {
      detail.put("email", email);
    }
  }
}
