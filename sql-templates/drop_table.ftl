<#import "macros.ftl" as m>
<@m.header header/>
DROP TABLE IF EXISTS ${name} SYNC
