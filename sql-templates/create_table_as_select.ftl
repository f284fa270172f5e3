<#import "macros.ftl" as m>
<#-- A target table defined by ENGINE lines in a materialized pipe: columns come from the query, no rows are copied. -->
<@m.header header/>
CREATE TABLE ${name}<#if onCluster??> ON CLUSTER ${onCluster}</#if>
<@m.engine engine/>
EMPTY AS
${query}
