INSERT INTO revenue_by_product
SELECT product_id, sum(price) AS revenue, count() AS purchases
FROM events
WHERE action = 'purchase'
GROUP BY product_id;
