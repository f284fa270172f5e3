<#import "macros.ftl" as m>
<@m.header header/>
CREATE MATERIALIZED VIEW ${name}<#if onCluster??> ON CLUSTER ${onCluster}</#if> TO ${target}
AS
${query}
