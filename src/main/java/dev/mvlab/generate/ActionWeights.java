package dev.mvlab.generate;

import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How often each action is chosen, as relative weights (they need not add up to 100). Views must have a weight:
 * every other action depends on an earlier view.
 */
public record ActionWeights(int view, int cart, int uncart, int purchase, int returns) {
    public static final ActionWeights DEFAULT = new ActionWeights(65, 15, 5, 10, 5);

    public ActionWeights {
        if (view < 0 || cart < 0 || uncart < 0 || purchase < 0 || returns < 0) {
            throw new IllegalArgumentException("action weights cannot be negative");
        }
        if (view == 0) {
            throw new IllegalArgumentException("the view weight must be above 0: every other action needs an earlier view");
        }
    }

    /** Parses {@code view=65,cart=15,uncart=5,purchase=10,return=5}; actions left out keep their default weight. */
    public static ActionWeights parse(String text) {
        Map<Action, Integer> weights = new EnumMap<>(Action.class);
        for (Action action : Action.values()) {
            weights.put(action, DEFAULT.weight(action));
        }
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] pair = part.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("expected action=weight, got '" + part.strip() + "'");
            }
            try {
                weights.put(Action.parse(pair[0]), Integer.parseInt(pair[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the weight of " + pair[0].strip() + " must be a whole number, got '"
                        + pair[1].strip() + "'");
            }
        }
        return new ActionWeights(weights.get(Action.VIEW), weights.get(Action.CART), weights.get(Action.UNCART),
                weights.get(Action.PURCHASE), weights.get(Action.RETURN));
    }

    public int weight(Action action) {
        return switch (action) {
            case VIEW -> view;
            case CART -> cart;
            case UNCART -> uncart;
            case PURCHASE -> purchase;
            case RETURN -> returns;
        };
    }

    public int total() {
        return view + cart + uncart + purchase + returns;
    }

    /** The expected share of the action among all original (not duplicated) events. */
    public double share(Action action) {
        return (double) weight(action) / total();
    }

    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(",");
        for (Action action : Action.values()) {
            joiner.add(action.json() + "=" + weight(action));
        }
        return joiner.toString();
    }
}
