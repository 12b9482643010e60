package riko.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ItemPathTest {

  @Test
  void splitsOnDotsAfterRemovingTrailingDots() {
    assertThat(ItemPath.parse("a.b.c").segments()).containsExactly("a", "b", "c");
    assertThat(ItemPath.parse("a.b..").segments()).containsExactly("a", "b");
    assertThat(ItemPath.parse("a..b").segments()).containsExactly("a", "", "b");
    assertThat(ItemPath.parse(".a").segments()).containsExactly("", "a");
  }

  @Test
  void onlyTheEmptyStringIsTheWholeItem() {
    assertThat(ItemPath.parse("").isEmpty()).isTrue();
    assertThat(ItemPath.parse(".").segments()).containsExactly("");
    assertThat(ItemPath.parse("..").segments()).containsExactly("");
  }

  @Test
  void keyIsOneSegmentDotsIncluded() {
    ItemPath key = ItemPath.key("a.b");
    assertThat(key.segments()).containsExactly("a.b");
    assertThat(key.leaf()).isEqualTo("a.b");
    assertThat(key.parent()).isEmpty();
  }

  @Test
  void leafParentAndText() {
    ItemPath path = ItemPath.parse("author.name.first");
    assertThat(path.leaf()).isEqualTo("first");
    assertThat(path.parent()).isEqualTo(List.of("author", "name"));
    assertThat(path).hasToString("author.name.first");
  }

  @Test
  void indexesFollowPythonInt() {
    assertThat(ItemPath.index("3")).hasValue(3);
    assertThat(ItemPath.index("-1")).hasValue(-1);
    assertThat(ItemPath.index(" +2 ")).hasValue(2);
    assertThat(ItemPath.index("1_000")).hasValue(1000);
    assertThat(ItemPath.index("1__0")).isEmpty();
    assertThat(ItemPath.index("1.0")).isEmpty();
    assertThat(ItemPath.index("x")).isEmpty();
    assertThat(ItemPath.index("")).isEmpty();
  }
}
