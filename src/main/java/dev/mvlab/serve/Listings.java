package dev.mvlab.serve;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.Project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bodies of {@code GET /v0/datasources}, {@code /v0/pipes} and {@code /v0/tokens}, in Tinybird's shapes. */
public final class Listings {
    private final Project project;
    private final Database db;

    public Listings(Project project, Database db) {
        this.project = project;
        this.db = db;
    }

    Map<String, Object> datasources(Token token) {
        List<dev.mvlab.clickhouse.ColumnEntry> columns = dev.mvlab.clickhouse.ServerCatalog.of(db).columns(db.name());
        List<Map<String, Object>> list = new ArrayList<>();
        for (DataSource ds : project.datasources()) {
            if (!token.admin() && !token.allows(TokenScope.READ, ds.name())
                    && !token.allows(TokenScope.APPEND, ds.name())) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", ds.name());
            item.put("description", ds.description() == null ? "" : ds.description().strip());
            List<Map<String, String>> cols = new ArrayList<>();
            for (dev.mvlab.clickhouse.ColumnEntry column : columns) {
                if (ds.name().equals(column.table())) {
                    cols.add(Map.of("name", column.name(), "type", column.type()));
                }
            }
            item.put("columns", cols);
            item.put("engine", ds.engine() == null ? Map.of() : Map.of("engine", String.valueOf(ds.engine().engine())));
            item.put("quarantine", Quarantine.tableOf(ds.name()));
            list.add(item);
        }
        return Map.of("datasources", list);
    }

    Map<String, Object> pipes(Token token, Endpoints endpoints) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Endpoints.Endpoint endpoint : endpoints.list()) {
            if (!token.allows(TokenScope.READ, endpoint.name())) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", endpoint.name());
            item.put("description", endpoint.description() == null ? "" : endpoint.description().strip());
            item.put("type", "endpoint");
            item.put("endpoint", "/v0/pipes/" + endpoint.name() + ".json");
            List<Map<String, Object>> params = new ArrayList<>();
            for (EndpointParam p : endpoint.params()) {
                Map<String, Object> param = new LinkedHashMap<>();
                param.put("name", p.name());
                param.put("type", p.type());
                param.put("default", p.defaultValue());
                param.put("description", p.description());
                param.put("required", p.required());
                params.add(param);
            }
            item.put("params", params);
            list.add(item);
        }
        return Map.of("pipes", list);
    }

    Map<String, Object> tokens(TokenStore store) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Token token : store.all()) {
            List<Map<String, String>> scopes = new ArrayList<>();
            for (Token.Grant grant : token.grants()) {
                if (grant.scope() == TokenScope.ADMIN) {
                    scopes.add(Map.of("type", "ADMIN"));
                } else {
                    boolean pipe = project.pipe(grant.resource()).isPresent();
                    scopes.add(Map.of("type", (pipe ? "PIPES:" : "DATASOURCES:") + grant.scope().name(),
                            "resource", grant.resource()));
                }
            }
            list.add(Map.of("name", token.name(), "token", token.value(), "scopes", scopes));
        }
        return Map.of("tokens", list);
    }
}
