package riko.examples;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import riko.conf.CallOptions;
import riko.item.Item;
import riko.pipe.Pipe;

/**
 * Example 1, word count (riko's quick start): fetch a page, keep the text of its body, split it
 * into words, lower-case them and count each word.
 *
 * <pre>{@code
 * Pipe words = Pipe.of("fetchpage", Map.of("url", url, "start", "<body>", "end", "</body>", "detag", true))
 *     .strreplace(Map.of("rule", List.of(Map.of("find", "\n", "replace", " "),
 *         Map.of("find", ".", "replace", ""), Map.of("find", ",", "replace", ""))),
 *         CallOptions.none().withAssign("content"))
 *     .tokenizer(Map.of("delimiter", " "), CallOptions.none().withEmit(true))
 *     .strtransform(Map.of("rule", Map.of("transform", "lower")), CallOptions.none().withAssign("content"))
 *     .pipe("count", Map.of("count_key", "content"));
 * }</pre>
 *
 * <p>{@code fetchpage} emits the body's text as one string; {@code strreplace} turns line breaks
 * into spaces and drops full stops and commas; {@code tokenizer} emits one item per word
 * ({@code {"content": "pipes"}}); {@code strtransform} lower-cases it in place; {@code count}
 * with {@code count_key} emits one item per distinct word, {@code {"pipes": 5}}, in order of
 * first appearance.
 */
public final class WordCount {

  private WordCount() {}

  /** The pipe, reading the page at {@code url}. */
  public static Pipe pipe(String url) {
    return Pipe.of("fetchpage", Map.of("url", url, "start", "<body>", "end", "</body>", "detag", true))
        .strreplace(Map.of("rule", List.of(Map.of("find", "\n", "replace", " "),
            Map.of("find", ".", "replace", ""), Map.of("find", ",", "replace", ""))),
            CallOptions.none().withAssign("content"))
        .tokenizer(Map.of("delimiter", " "), CallOptions.none().withEmit(true))
        .strtransform(Map.of("rule", Map.of("transform", "lower")), CallOptions.none().withAssign("content"))
        .pipe("count", Map.of("count_key", "content"));
  }

  /** Counts the words of the bundled page {@code words.html}, fetched from {@code server}. */
  public static Result run(ExampleServer server) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Item group : pipe(server.url("words.html")).toList()) {
      for (String word : group.keys()) {
        counts.put(word, ((Number) group.getKey(word)).longValue());
      }
    }
    return new Result(counts);
  }

  /** Runs the example on its own server and prints the result. */
  public static void main(String[] args) {
    try (ExampleServer server = ExampleServer.start()) {
      run(server).lines().forEach(System.out::println);
    }
  }

  /**
   * The word counts.
   *
   * @param counts each distinct word and how often it occurs, in order of first appearance
   */
  public record Result(Map<String, Long> counts) {

    /** Copies the counts, keeping their order. */
    public Result {
      counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** How many words the page has. */
    public long total() {
      return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The {@code n} most frequent words, most frequent first (ties in order of first appearance). */
    public List<Map.Entry<String, Long>> mostFrequent(int n) {
      return counts.entrySet().stream()
          .sorted(Comparator.comparing(Map.Entry<String, Long>::getValue).reversed())
          .limit(n)
          .toList();
    }

    /** The result, for people. */
    public List<String> lines() {
      String top = mostFrequent(5).stream().map(e -> e.getKey() + " " + e.getValue())
          .collect(Collectors.joining(", "));
      return List.of("words.html: " + total() + " words, " + counts.size() + " different",
          "most frequent: " + top);
    }
  }
}
