<#import "macros.ftl" as m>
<@m.header header/>
TRUNCATE TABLE ${name}<#if onCluster??> ON CLUSTER ${onCluster}</#if>
