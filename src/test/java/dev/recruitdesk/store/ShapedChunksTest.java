package dev.recruitdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShapedChunksTest {

    @Test
    void cutsIntoPowersOfTwoInOrderKeepingEveryElement() {
        for (int n = 0; n <= 700; n++) {
            List<Integer> list = IntStream.range(0, n).boxed().toList();
            List<List<Integer>> chunks = CacheStore.shapedChunks(list, 100);
            assertThat(chunks.stream().flatMap(List::stream).toList()).as("n=%d", n).isEqualTo(list);
            assertThat(chunks).as("n=%d", n).allSatisfy(c -> {
                assertThat(c).isNotEmpty();
                assertThat(Integer.bitCount(c.size())).isEqualTo(1);
                assertThat(c.size()).isLessThanOrEqualTo(64);
            });
        }
    }

    @Test
    void fewStatementShapesWhateverTheSizes() {
        long shapes = IntStream.range(1, 2_000).boxed()
                .flatMap(n -> CacheStore.shapedChunks(IntStream.range(0, n).boxed().toList(), 200).stream())
                .map(List::size).distinct().count();
        assertThat(shapes).isEqualTo(8); // 128, 64, ..., 1
    }

    @Test
    void aHundredRowsGoAsThreePieces() {
        List<Integer> hundred = IntStream.range(0, 100).boxed().toList();
        assertThat(CacheStore.shapedChunks(hundred, 100)).extracting(List::size).containsExactly(64, 32, 4);
    }
}
