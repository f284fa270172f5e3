DROP VIEW IF EXISTS revenue_by_product_mv;
DROP TABLE IF EXISTS revenue_by_product;
