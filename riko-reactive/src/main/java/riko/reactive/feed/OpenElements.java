package riko.reactive.feed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * feedparser's stack of open elements collecting text: each with the name it is stored under,
 * whether its text is kept, and the pieces of text read inside it so far.
 */
final class OpenElements {

  /** An open element: its name, whether its text is kept, and the text collected so far. */
  static final class Open {
    final String name;
    final boolean expectingText;
    final List<String> pieces = new ArrayList<>();

    Open(String name, boolean expectingText) {
      this.name = name;
      this.expectingText = expectingText;
    }
  }

  private final Deque<Open> stack = new ArrayDeque<>();

  /** Opens {@code name}, the innermost element from now on. */
  void push(String name, boolean expectingText) {
    stack.push(new Open(name, expectingText));
  }

  /** Whether any element is open. */
  boolean anyOpen() {
    return !stack.isEmpty();
  }

  /** Adds text to the innermost open element (nothing when none is open). */
  void append(String piece) {
    Open top = stack.peek();
    if (top != null) {
      top.pieces.add(piece);
    }
  }

  /** Closes and returns the innermost open element when it is {@code name}; null (nothing closed) otherwise. */
  @Nullable Open close(String name) {
    Open top = stack.peek();
    if (top == null || !top.name.equals(name)) {
      return null;
    }
    stack.pop();
    return top;
  }
}
