<#import "macros.ftl" as m>
<@m.header header/>
CREATE TABLE ${name}<#if onCluster??> ON CLUSTER ${onCluster}</#if>
<@m.columns columns indexes/>
<@m.engine engine/>
