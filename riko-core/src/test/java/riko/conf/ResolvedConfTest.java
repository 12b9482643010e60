package riko.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResolvedConfTest {

  private record Limit(long count) {}

  private record Name(String text) {}

  private final ResolvedConf conf = new ResolvedConf("truncate", Map.of("count", "4"));

  @Test
  void aTypedFormIsParsedOncePerConf() {
    AtomicInteger parses = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      Limit limit = conf.parsed(Limit.class, c -> {
        parses.incrementAndGet();
        return new Limit(c.integer("count"));
      });
      assertThat(limit.count()).isEqualTo(4);
    }
    assertThat(parses).hasValue(1);
  }

  @Test
  void anotherTypeIsParsedAfresh() {
    assertThat(conf.parsed(Limit.class, c -> new Limit(c.integer("count"))).count()).isEqualTo(4);
    assertThat(conf.parsed(Name.class, c -> new Name(c.text("count", ""))).text()).isEqualTo("4");
    assertThat(conf.parsed(Limit.class, c -> new Limit(-1)).count()).as("parsed again after the other type").isEqualTo(-1);
  }

  @Test
  void aFailedParseIsNotRememberedAndFailsEveryTime() {
    AtomicInteger parses = new AtomicInteger();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> conf.parsed(Limit.class, c -> {
        parses.incrementAndGet();
        throw new ConfException("truncate", "count", "is wrong");
      })).isInstanceOf(ConfException.class);
    }
    assertThat(parses).hasValue(2);
  }
}
