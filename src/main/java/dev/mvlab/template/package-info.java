/**
 * Tinybird's template language (derived from Tornado templates), evaluated in Java: the SQL of a {@code .pipe} node
 * that starts with a {@code %} line.
 *
 * <h2>API</h2>
 * <ul>
 *   <li>{@link dev.mvlab.template.Templates#isTemplate(String)}: is this node SQL a template?</li>
 *   <li>{@link dev.mvlab.template.Templates#parse(String, dev.mvlab.model.SourceLocation)}: parse once into an
 *       immutable, thread-safe {@link dev.mvlab.template.Template}; syntax errors (unknown tag or function,
 *       unclosed block, reserved parameter name, nesting deeper than 100 levels) are thrown here.</li>
 *   <li>{@link dev.mvlab.template.Template#renderDefaults(Secrets)}: the SQL without a request, what
 *       {@code check}, {@code apply} and materialized views need ({@link dev.mvlab.template.RenderMode#DEFAULTS}:
 *       {@code defined()} false, defaults, typed placeholders for parameters without default, error() silent).</li>
 *   <li>{@link dev.mvlab.template.Template#render(ParameterValues, Secrets)}: the SQL of an endpoint call with the
 *       request's raw values ({@link dev.mvlab.template.ParameterValues}, repeated parameters as lists).</li>
 *   <li>{@link dev.mvlab.template.Template#parameters()}: the declared parameters (name, type, default,
 *       description, example, required, location).</li>
 *   <li>{@link dev.mvlab.template.Secrets}: which {@code tb_secret()}/{@code tb_var()} are set, from the environment
 *       ({@code TB_SECRET_<NAME>}) or the git-ignored {@code .mvlab/secrets.properties} of the project. As in
 *       Tinybird a secret renders as the query parameter {@code {NAME: String}}, never as its value (which
 *       {@code render.SecretParameters} sends beside the statement that runs); not set, it gives its default, or
 *       Tinybird's error in an endpoint call, or the placeholder without a request (Tinybird's test mode).</li>
 * </ul>
 * Every failure is a {@link dev.mvlab.template.TemplateException} with the file:line:col of the failing part, its
 * {@link dev.mvlab.template.TemplateException.Kind} (bad or missing request parameter vs broken datafile vs
 * error()/custom_error() vs missing secret), the HTTP status an endpoint answers with, and the text Tinybird's own
 * engine gives for the same error. Exit code 3 in the CLI.
 *
 * <h2>Safety</h2>
 * Request values only reach the SQL through the type functions and {@code {{ }}}: strings as escaped literals,
 * numbers validated and written as {@code toInt32('7')}, identifiers backquoted and escaped, so a value cannot end its
 * literal. Rendering is bounded: nesting depth, evaluation steps, output size, integer and string sizes.
 *
 * <h2>Inside</h2>
 * {@code TemplateParser} (tags) and {@code ExpressionParser} (Python-like expressions) build {@code TemplateNode}s
 * and {@code Expr}s; {@code TemplateAnalysis} checks functions and collects parameters; {@code Evaluator} renders
 * with Python semantics ({@code PyValues}, {@code PyArithmetic}); {@code TypeFunctions}, {@code SqlFunctions},
 * {@code DateDiff} and {@code Builtins} are the functions; {@code SqlRender} writes values as SQL.
 */
package dev.mvlab.template;
