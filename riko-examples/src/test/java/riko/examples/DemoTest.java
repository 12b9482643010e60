package riko.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import riko.reactive.collection.SyncCollection;

@Timeout(60)
class DemoTest {

  private static final Pattern SUMMARY = Pattern.compile(
      "   fetched \\d+ sources? over HTTP from 127\\.0\\.0\\.1:\\d+( \\(each answer held back \\d+ ms\\))?, \\d+ in flight at most, \\d+ ms");

  private record Run(int status, List<String> out, String err) {}

  private static Run demo(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Demo.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(status, out.toString().lines().toList(), err.toString());
  }

  @Test
  void runsExamplesOneToFiveWithAHeaderResultsAndASummaryEach() {
    Run run = demo();

    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.out();
    assertThat(lines.get(0)).startsWith("riko-java demo:");
    assertThat(lines.stream().filter(line -> line.matches("\\d\\. .*")))
        .containsExactly(
            "1. Word count: fetchpage -> strreplace -> tokenizer -> strtransform (lower) -> count",
            "2. Crime statistics: fetchdata -> filter (province is GP) -> sort (incidents desc) -> truncate 5",
            "3. Join: crimes join stations (police_station = station) -> sum incidents per municipality",
            "4. AsyncCollection: two feeds fetched at once, consumed as a reactive stream",
            "5. SyncCollection: three feeds fetched in parallel, handed to blocking code as a List");
    List<String> summaries = lines.stream().filter(line -> line.startsWith("   fetched")).toList();
    assertThat(summaries).hasSize(5).allSatisfy(line -> assertThat(line).matches(SUMMARY));
    assertThat(summaries.get(0)).startsWith("   fetched 1 source over HTTP");
    assertThat(summaries.get(3)).contains("fetched 2 sources").contains("2 in flight at most");
    int workers = SyncCollection.ofUrls("a", "b", "c").withParallel(true).workers();
    assertThat(summaries.get(4)).contains("fetched 3 sources").contains(Math.min(3, workers) + " in flight at most");
    assertThat(lines).contains("   most frequent: pipes 9, streams 5, items 3, into 3, a 3",
        "   1. Honeydew               1987  Burglary at residential premises (GP, 2016)",
        "   City of Johannesburg   9356 incidents");
    assertThat(lines.get(lines.size() - 1)).matches("5 examples in \\d+\\.\\d s\\. The code: .*");
  }

  @Test
  void runsTheExamplesNamedByNumber() {
    Run run = demo("6", "7", "8");

    assertThat(run.status()).isZero();
    assertThat(run.out().stream().filter(line -> line.matches("\\d\\. .*")))
        .extracting(line -> line.substring(0, 2)).containsExactly("6.", "7.", "8.");
    assertThat(run.out()).contains("   gp-top-stations.json: 5 items; the pipe built in Java: 5 items, the same");
    assertThat(run.out().stream().filter(line -> SUMMARY.matcher(line).matches())).hasSize(3);
    assertThat(run.out().get(run.out().size() - 1)).startsWith("3 examples in ");
  }

  @Test
  void helpAndUsageErrors() {
    Run help = demo("--help");
    assertThat(help.status()).isZero();
    assertThat(help.out().get(0)).startsWith("usage: bin/riko demo [N...]");
    assertThat(help.out()).hasSize(9);

    Run bad = demo("9");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err()).startsWith("riko demo: no example 9").contains("usage: bin/riko demo");

    assertThat(demo("two").status()).isEqualTo(2);
  }
}
