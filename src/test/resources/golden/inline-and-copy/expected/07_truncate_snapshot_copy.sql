-- snapshot_copy: copy pipe in COPY_MODE replace empties daily_snapshot first, from pipes/snapshot_copy.pipe:3
TRUNCATE TABLE daily_snapshot;
