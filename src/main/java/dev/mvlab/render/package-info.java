/**
 * Turns a {@link dev.mvlab.graph.ProjectGraph} into ClickHouse SQL: {@link dev.mvlab.render.SqlRenderer} fills one
 * Freemarker template per statement kind ({@link dev.mvlab.render.SqlTemplates}, strictly configured) and returns
 * {@link dev.mvlab.render.Plan}s of {@link dev.mvlab.render.Statement}s that remember their datafile. The only package
 * that knows Freemarker. It trusts the model the parser validated.
 */
package dev.mvlab.render;
