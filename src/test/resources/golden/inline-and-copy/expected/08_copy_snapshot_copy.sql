-- snapshot_copy: copy pipe into daily_snapshot (@on-demand, replace); run by 'mvlab copy', never by apply, from pipes/snapshot_copy.pipe:3
--
-- Replaces the snapshot with today's revenue per product; columns are matched by name.
INSERT INTO daily_snapshot (day, product_id, revenue)
SELECT day, product_id, revenue
FROM
(
    SELECT sum(price) AS revenue, product_id, today() AS day
    FROM events
    WHERE toDate(timestamp) = today()
    GROUP BY product_id
);
