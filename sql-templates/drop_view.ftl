<#import "macros.ftl" as m>
<@m.header header/>
DROP VIEW IF EXISTS ${name} SYNC
