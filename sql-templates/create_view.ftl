<#import "macros.ftl" as m>
<@m.header header/>
CREATE VIEW ${name}
AS
${query}
