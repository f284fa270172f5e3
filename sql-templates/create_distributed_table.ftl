<#import "macros.ftl" as m>
<#-- A data source's Distributed table: its columns are the local table's; args are cluster, database, table, key. -->
<@m.header header/>
CREATE TABLE ${name}<#if onCluster??> ON CLUSTER ${onCluster}</#if> AS ${local}
ENGINE = Distributed(${args?join(", ")})
