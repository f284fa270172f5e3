package dev.mvlab.engine.host;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay's reused body arrays: the same array serves batches of about the same size, all within one budget. */
class RelayBodyPoolTest {
    private static final int MB = 1 << 20;

    @Test
    void anArrayGivenBackServesTheNextBodyOfAboutItsSize() {
        RelayBodyPool pool = new RelayBodyPool(64L * MB);
        byte[] first = pool.take(12 * MB + 12_345);
        assertThat(first.length).as("rounded up to whole MB").isEqualTo(13 * MB);
        pool.giveBack(first);
        byte[] second = pool.take(12 * MB + 99_999);
        assertThat(second).isSameAs(first);
        assertThat(pool.allocated()).isEqualTo(13L * MB);
    }

    @Test
    void arraysInUseAndFreeStayWithinTheBudget() {
        RelayBodyPool pool = new RelayBodyPool(40L * MB);
        byte[] a = pool.take(16 * MB);
        byte[] b = pool.take(16 * MB);
        assertThat(pool.take(16 * MB)).as("48 MB in use would pass the 40 MB budget").isNull();
        pool.giveBack(a);
        pool.giveBack(b);
        byte[] large = pool.take(30 * MB);
        assertThat(large).as("free arrays too small are dropped to make room").isNotNull();
        assertThat(large.length).isEqualTo(30 * MB);
        assertThat(pool.allocated()).isLessThanOrEqualTo(40L * MB);
        assertThat(pool.take(16 * MB)).as("30 MB in use, the free ones dropped").isNull();
        pool.giveBack(large);
        assertThat(pool.take(8 * MB)).as("the smallest free array that fits").isSameAs(large);
    }
}
