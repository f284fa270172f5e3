package dev.mvlab.deploy;

import java.util.List;

/** Every object of the files and of the database, compared; in apply order, then the extra ones. */
public record DiffResult(String database, List<ObjectDiff> objects) {

    /** True when the database holds exactly what the files define. */
    public boolean clean() {
        return objects.stream().allMatch(o -> o.status() == ObjectDiff.Status.SAME);
    }

    public List<ObjectDiff> changes() {
        return objects.stream().filter(o -> o.status() != ObjectDiff.Status.SAME).toList();
    }

    public ObjectDiff.Status status(String name) {
        return objects.stream().filter(o -> o.name().equals(name)).map(ObjectDiff::status).findFirst()
                .orElse(ObjectDiff.Status.MISSING);
    }
}
