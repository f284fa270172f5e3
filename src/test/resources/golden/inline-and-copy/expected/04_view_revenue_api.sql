-- revenue_api: view (endpoint pipe), from pipes/revenue_api.pipe:1
CREATE VIEW revenue_api
AS
SELECT product_id, sumMerge(revenue) AS revenue FROM revenue_by_product GROUP BY product_id;
