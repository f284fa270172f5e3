<#import "macros.ftl" as m>
<@m.header header/>
CREATE VIEW ${name}<#if onCluster??> ON CLUSTER ${onCluster}</#if>
AS
${query}
