package dev.mvlab.render;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The Freemarker side of rendering, configured strictly: errors are rethrown, numbers are printed as SQL needs them
 * (1000000, never 1,000,000), templates cannot reach Java classes. Built-in templates are the repository's
 * {@code sql-templates/} folder, packaged into the jar; a template of the same name in an override folder wins.
 */
public final class SqlTemplates {
    /** Where the built-in templates are on the class path. */
    public static final String BUILT_IN = "/mvlab/sql-templates";

    private final Configuration configuration;
    private final Path overrideDir;

    /** The built-in templates only. */
    public SqlTemplates() {
        this(null);
    }

    /** @param overrideDir a folder whose templates win over the built-in ones, or null */
    public SqlTemplates(Path overrideDir) {
        this.overrideDir = overrideDir;
        this.configuration = configure(loader(overrideDir));
    }

    /** Renders a template with a model of maps, lists, strings and numbers. */
    public String render(String template, Map<String, ?> model) {
        try {
            Template t = configuration.getTemplate(template);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (TemplateException e) {
            throw new MvlabException(ExitCode.DATAFILE, "SQL template " + template + " failed: "
                    + e.getMessageWithoutStackTop().lines().findFirst().orElse(""), overrideHint());
        } catch (IOException e) {
            throw new MvlabException(ExitCode.DATAFILE, "cannot read SQL template " + template + ": " + e.getMessage(),
                    overrideHint());
        }
    }

    private String overrideHint() {
        return overrideDir == null ? "this is a bug in a built-in template; please report it"
                : "check the templates in " + overrideDir + " (built-in ones: sql-templates/ in the mvlab repository)";
    }

    private static TemplateLoader loader(Path overrideDir) {
        TemplateLoader builtIn = new ClassTemplateLoader(SqlTemplates.class, BUILT_IN);
        if (overrideDir == null) {
            return builtIn;
        }
        if (!Files.isDirectory(overrideDir)) {
            throw new MvlabException(ExitCode.USAGE, "the templates folder " + overrideDir + " does not exist",
                    "--templates takes a folder of .ftl files named like the built-in ones");
        }
        try {
            return new MultiTemplateLoader(new TemplateLoader[]{new FileTemplateLoader(overrideDir.toFile()), builtIn});
        } catch (IOException e) {
            throw new MvlabException(ExitCode.USAGE, "cannot read the templates folder " + overrideDir + ": "
                    + e.getMessage());
        }
    }

    private static Configuration configure(TemplateLoader loader) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setTemplateLoader(loader);
        c.setDefaultEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        c.setLocalizedLookup(false);
        c.setNumberFormat("c");
        c.setBooleanFormat("c");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setAPIBuiltinEnabled(false);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        return c;
    }
}
