<#import "macros.ftl" as m>
<@m.header header/>
CREATE MATERIALIZED VIEW ${name} TO ${target}
AS
${query}
