package riko.reactive.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextLinesTest {

  private static List<String> fed(String... chunks) {
    TextLines lines = new TextLines();
    List<String> all = new ArrayList<>();
    for (String chunk : chunks) {
      all.addAll(lines.feed(chunk));
    }
    all.addAll(lines.finish());
    return all;
  }

  @Test
  void linesKeepTheirBreaksAndTheLastLineMayHaveNone() {
    assertThat(TextLines.split("a\nb\r\nc\rd\u2028e")).containsExactly("a\n", "b\r\n", "c\r", "d\u2028", "e");
  }

  @Test
  void aCarriageReturnEndingAChunkWaitsForAPossibleLineFeed() {
    assertThat(fed("a\r", "\nb\r", "c")).containsExactly("a\r\n", "b\r", "c");
    assertThat(fed("a\r", "", "\n")).containsExactly("a\r\n");
  }

  @Test
  void aLineSpreadOverManyChunksComesOutWhole() {
    String[] chunks = new String[1000];
    java.util.Arrays.fill(chunks, "xy");
    chunks[999] = "xy\nz";
    assertThat(fed(chunks)).containsExactly("xy".repeat(1000) + "\n", "z");
  }

  @Test
  void aChunkCompletesOnlyTheLinesItEnds() {
    TextLines lines = new TextLines();
    assertThat(lines.feed("one\ntw")).containsExactly("one\n");
    assertThat(lines.feed("o")).isEmpty();
    assertThat(lines.feed("\nthree")).containsExactly("two\n");
    assertThat(lines.finish()).containsExactly("three");
  }
}
