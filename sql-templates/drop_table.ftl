<#import "macros.ftl" as m>
<@m.header header/>
DROP TABLE IF EXISTS ${name}<#if onCluster??> ON CLUSTER ${onCluster}</#if> SYNC
