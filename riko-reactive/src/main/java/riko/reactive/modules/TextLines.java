package riko.reactive.modules;

import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Splits decoded text into lines the way riko's readers do (Python's {@code str.splitlines}
 * boundaries: {@code \n}, {@code \r\n}, {@code \r}, vertical tab, form feed, the file, group and
 * record separators {@code \x1c}-{@code \x1e}, NEL {@code \x85}, and U+2028/U+2029), keeping each
 * line's own break. Fed chunk by chunk: {@link #feed} returns the lines a chunk completed,
 * {@link #finish} the last line when the text does not end with a break. A {@code \r} ending a
 * chunk is held back until the next chunk tells whether a {@code \n} follows. One instance reads
 * one text.
 */
final class TextLines {

  private final StringBuilder pending = new StringBuilder();

  /** The lines of a decoded body, each with its break, emitted as soon as they are complete. */
  static Flux<String> of(Flux<String> text) {
    return Flux.defer(() -> {
      TextLines lines = new TextLines();
      return text.concatMapIterable(lines::feed).concatWith(Flux.defer(() -> Flux.fromIterable(lines.finish())));
    });
  }

  /** All lines of a whole text, each with its break. */
  static List<String> split(String text) {
    TextLines lines = new TextLines();
    List<String> all = new ArrayList<>(lines.feed(text));
    all.addAll(lines.finish());
    return all;
  }

  /** Whether {@code c} ends a line. */
  static boolean isBreak(char c) {
    return switch (c) {
      case '\n', '\r', '\u000B', '\u000C', '\u001C', '\u001D', '\u001E', '\u0085', '\u2028', '\u2029' -> true;
      default -> false;
    };
  }

  /** Takes the next chunk; returns the lines it completed. */
  List<String> feed(String chunk) {
    // What is pending holds no break but perhaps a final \r held back: only that needs a second look,
    // so a long line spread over many chunks is scanned once.
    int held = pending.length();
    int scanFrom = held > 0 && pending.charAt(held - 1) == '\r' ? held - 1 : held;
    pending.append(chunk);
    List<String> lines = new ArrayList<>();
    int start = 0;
    int length = pending.length();
    for (int i = scanFrom; i < length; i++) {
      char c = pending.charAt(i);
      if (!isBreak(c)) {
        continue;
      }
      if (c == '\r') {
        if (i + 1 == length) {
          break; // wait: a \n may follow in the next chunk
        }
        if (pending.charAt(i + 1) == '\n') {
          i++;
        }
      }
      lines.add(pending.substring(start, i + 1));
      start = i + 1;
    }
    pending.delete(0, start);
    return lines;
  }

  /** Ends the text; returns the unfinished last line, if any. */
  List<String> finish() {
    if (pending.isEmpty()) {
      return List.of();
    }
    String last = pending.toString();
    pending.setLength(0);
    return List.of(last);
  }

  /** The line without its break. */
  static String withoutBreak(String line) {
    int end = line.length();
    if (end > 0 && isBreak(line.charAt(end - 1))) {
      end--;
      if (end > 0 && line.charAt(end) == '\n' && line.charAt(end - 1) == '\r') {
        end--;
      }
    }
    return line.substring(0, end);
  }
}
