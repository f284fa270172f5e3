package dev.mvlab.generate;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An endless, deterministic stream of e-store events that follows the shop's rules per customer and product:
 * cart only what was viewed (and is not in the cart), uncart and purchase only what is in the cart (a purchase
 * empties that cart slot), return only what was purchased and not yet returned.
 *
 * <p>Event time comes from a simulated clock that advances by exponential gaps of mean 1/pace seconds. For each
 * customer and product, event times are strictly increasing in stream order: a pair touched in the current second
 * is not chosen again in that second, and a late event (timestamp behind the clock by up to the maximum lateness)
 * is never placed at or before the pair's previous event. So ordering one pair's distinct events by timestamp gives
 * the order in which they happened, and every rule holds in event-time order. Duplicates are exact resends of an
 * earlier line (same timestamp), emitted 1 to 10 lines after the original; they change no state.
 *
 * <p>When the drawn action is not possible for any pair yet (no carts to purchase from, say), it is owed and done
 * as soon as it becomes possible, so the realised mix follows the weights.
 */
public final class EventGenerator implements Iterator<Event> {
    private static final int NEVER = Integer.MIN_VALUE;
    private static final int OWED_CAP = 10_000;
    private static final int PICK_TRIES = 8;
    private static final Action[] ACTIONS = Action.values();

    private final StreamOptions options;
    private final ProductCatalog catalog;
    private final SplittableRandom random;
    private final long startEpoch;
    private final int customers;
    private final int products;
    private final int[] cumulative = new int[ACTIONS.length];
    private final double meanGapMillis;
    private final double duplicateChance;
    private final int maxLatenessSeconds;

    private final int[] lastSecond;          // per pair: seconds since start of its latest event, or NEVER
    private final int[] outstanding;         // per pair: purchases not yet returned
    private final PairSet cartable;          // viewed and not in the cart
    private final PairSet inCart;
    private final PairSet returnable;
    private final int[] owed = new int[ACTIONS.length];
    private final List<Pending> pendingDuplicates = new ArrayList<>();

    private double clockMillis;
    private long emitted;

    // The line being handed out: next() builds an Event of it, the NDJSON writers write it without one.
    private int lineCustomer;
    private int lineProduct;
    private Action lineAction;
    private long lineTimestamp;
    private long linePrice;
    private boolean lineDuplicate;
    private boolean lineLate;

    public EventGenerator(StreamOptions options) {
        this(options, ProductCatalog.create(options.products(), options.catalogSeed()));
    }

    public EventGenerator(StreamOptions options, ProductCatalog catalog) {
        this.options = options;
        this.catalog = catalog;
        this.random = new SplittableRandom(options.seed());
        this.startEpoch = options.start().toEpochSecond(ZoneOffset.UTC);
        this.customers = options.customers();
        this.products = options.products();
        int sum = 0;
        for (int i = 0; i < ACTIONS.length; i++) {
            sum += options.weights().weight(ACTIONS[i]);
            cumulative[i] = sum;
        }
        this.meanGapMillis = 1000.0 / options.pace();
        double share = options.duplicateShare();
        this.duplicateChance = share / (1 - share);
        this.maxLatenessSeconds = (int) options.maxLateness().toSeconds();
        int pairs = customers * products;
        this.lastSecond = new int[pairs];
        java.util.Arrays.fill(lastSecond, NEVER);
        this.outstanding = new int[pairs];
        this.cartable = new PairSet(pairs);
        this.inCart = new PairSet(pairs);
        this.returnable = new PairSet(pairs);
    }

    public StreamOptions options() {
        return options;
    }

    public ProductCatalog catalog() {
        return catalog;
    }

    /** How many lines (originals and duplicates) this generator has emitted. */
    public long emitted() {
        return emitted;
    }

    /** The first {@code count} events as a sequential stream. */
    public Stream<Event> stream(long count) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
                Spliterator.ORDERED | Spliterator.NONNULL), false).limit(count);
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Event next() {
        advance();
        return current();
    }

    /**
     * Draws the next line (an original event or a due duplicate) without building its {@link Event}: the NDJSON
     * writers call this and then {@link #appendLine}, so that a line allocates nothing (an Event per line was most
     * of the generator's garbage, and on a fresh heap each new page of garbage costs a page fault).
     */
    void advance() {
        if (!takeDueDuplicate()) {
            original();
            if (duplicateChance > 0 && random.nextDouble() < duplicateChance) {
                pendingDuplicates.add(new Pending(emitted + 1 + random.nextInt(10), new Event(lineCustomer,
                        lineProduct, lineAction, lineTimestamp, linePrice, true, false)));
            }
        }
        emitted++;
    }

    /** Writes the line drawn by the last {@link #advance()} as NDJSON, without building its {@link Event}. */
    void appendLine(EventJson json, LineBuffer out) {
        json.append(out, lineCustomer, lineProduct, linePrice, lineAction, lineTimestamp);
    }

    Action lineAction() {
        return lineAction;
    }

    boolean lineDuplicate() {
        return lineDuplicate;
    }

    boolean lineLate() {
        return lineLate;
    }

    /** The line drawn by the last {@link #advance()}. */
    Event current() {
        return new Event(lineCustomer, lineProduct, lineAction, lineTimestamp, linePrice, lineDuplicate, lineLate);
    }

    /** Makes the first duplicate that is due the line to hand out; false when none is due. */
    private boolean takeDueDuplicate() {
        for (int i = 0; i < pendingDuplicates.size(); i++) {
            if (pendingDuplicates.get(i).release() <= emitted) {
                Event duplicate = pendingDuplicates.remove(i).event();
                lineCustomer = duplicate.customer();
                lineProduct = duplicate.product();
                lineAction = duplicate.action();
                lineTimestamp = duplicate.timestamp();
                linePrice = duplicate.priceCents();
                lineDuplicate = true;
                lineLate = false;
                return true;
            }
        }
        return false;
    }

    /** Draws the next original event and makes it the line to hand out. */
    private void original() {
        clockMillis += -Math.log(1 - random.nextDouble()) * meanGapMillis;
        while (true) {
            int now = (int) (clockMillis / 1000);
            Action action = owedAction();
            int pair = action == null ? -1 : pick(action, now);
            if (pair >= 0) {
                owed[action.ordinal()]--;
            } else {
                action = drawnAction();
                pair = pick(action, now);
            }
            if (pair >= 0) {
                apply(action, pair, now);
                return;
            }
            // every pair this action could use was touched this second (tiny shop, fast pace): next second
            clockMillis = (now + 1) * 1000.0;
        }
    }

    /** An action that was drawn earlier but was not possible then, when it is possible now. */
    private Action owedAction() {
        for (int i = 1; i < ACTIONS.length; i++) {
            if (owed[i] > 0 && candidates(ACTIONS[i]).size() > 0) {
                return ACTIONS[i];
            }
        }
        return null;
    }

    private Action drawnAction() {
        for (int attempt = 0; attempt < 20; attempt++) {
            int r = random.nextInt(cumulative[cumulative.length - 1]);
            int i = 0;
            while (r >= cumulative[i]) {
                i++;
            }
            Action action = ACTIONS[i];
            if (action == Action.VIEW || candidates(action).size() > 0) {
                return action;
            }
            owed[i] = Math.min(OWED_CAP, owed[i] + 1);
        }
        return Action.VIEW;
    }

    private PairSet candidates(Action action) {
        return switch (action) {
            case CART -> cartable;
            case UNCART, PURCHASE -> inCart;
            case RETURN -> returnable;
            case VIEW -> throw new IllegalArgumentException("any pair can be viewed");
        };
    }

    /** A pair the action is allowed for and that has no event in the current second, or -1. */
    private int pick(Action action, int now) {
        for (int attempt = 0; attempt < PICK_TRIES; attempt++) {
            int pair = action == Action.VIEW
                    ? random.nextInt(customers) * products + random.nextInt(products)
                    : candidates(action).pick(random);
            if (lastSecond[pair] < now) {
                return pair;
            }
        }
        return -1;
    }

    private void apply(Action action, int pair, int now) {
        int second = now;
        boolean late = false;
        if (maxLatenessSeconds > 0 && options.lateShare() > 0 && random.nextDouble() < options.lateShare()) {
            int behind = now - 1 - random.nextInt(maxLatenessSeconds);
            second = Math.max(Math.max(behind, 0), lastSecond[pair] == NEVER ? 0 : lastSecond[pair] + 1);
            late = second < now;
        }
        lastSecond[pair] = second;
        long price = -1;
        switch (action) {
            case VIEW -> {
                if (!inCart.contains(pair)) {
                    cartable.add(pair);
                }
            }
            case CART -> {
                cartable.remove(pair);
                inCart.add(pair);
            }
            case UNCART -> {
                inCart.remove(pair);
                cartable.add(pair);
            }
            case PURCHASE -> {
                inCart.remove(pair);
                cartable.add(pair);
                outstanding[pair]++;
                returnable.add(pair);
                price = catalog.get(pair % products).priceCents();
            }
            case RETURN -> {
                if (--outstanding[pair] == 0) {
                    returnable.remove(pair);
                }
            }
        }
        lineCustomer = pair / products;
        lineProduct = pair % products;
        lineAction = action;
        lineTimestamp = startEpoch + second;
        linePrice = price;
        lineDuplicate = false;
        lineLate = late;
    }

    private record Pending(long release, Event event) {
    }
}
