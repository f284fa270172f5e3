-- snapshot_mv: materialized view, writes daily_snapshot, from pipes/snapshot_mv.pipe:5
--
-- ENGINE lines that repeat the .datasource file of the target (as some starter kits write them) are only a parser
-- warning: the file defines the table.
CREATE MATERIALIZED VIEW snapshot_mv TO daily_snapshot
AS
SELECT toDate(timestamp) AS day, product_id, price AS revenue
FROM events;
