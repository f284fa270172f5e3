<#import "macros.ftl" as m>
<#-- Columns are matched by name, as Tinybird does, through the outer SELECT. -->
<@m.header header/>
INSERT INTO ${target}<#if columns?has_content> (${columns?join(", ")})</#if>
SELECT <#if columns?has_content>${columns?join(", ")}<#else>*</#if>
FROM
(
${query}
)
