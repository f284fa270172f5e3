<#--
  Shared macros of the built-in SQL templates. Templates only print what Java decided: no ordering, no choices.
  Names arrive quoted; types, keys and expressions arrive as the datafile wrote them.
-->
<#-- The comment above each statement: what it is and which datafile it came from. -->
<#macro header lines>
<#list lines as line>
--<#if line?has_content> ${line}</#if>
</#list>
</#macro>
<#-- The column list of a table: one column per line, then the data-skipping indexes. -->
<#macro columns columns indexes>
(
<#list columns as c>
    ${c.name} ${c.type}<#if c.default??> DEFAULT ${c.default}</#if><#if c.codec??> CODEC(${c.codec})</#if><#if c?has_next || indexes?has_content>,</#if>
</#list>
<#list indexes as i>
    INDEX ${i.name} ${i.expression} TYPE ${i.type} GRANULARITY ${i.granularity}<#sep>,</#sep>
</#list>
)
</#macro>
<#-- The engine clause: ENGINE = Name(args), then the clauses the engine takes. -->
<#macro engine e>
ENGINE = ${e.name}<#if e.args?has_content>(${e.args?join(", ")})</#if>
<#if e.partitionBy??>
PARTITION BY ${e.partitionBy}
</#if>
<#if e.primaryKey??>
PRIMARY KEY ${e.primaryKey}
</#if>
<#if e.orderBy??>
ORDER BY ${e.orderBy}
</#if>
<#if e.sampleBy??>
SAMPLE BY ${e.sampleBy}
</#if>
<#if e.ttl??>
TTL ${e.ttl}
</#if>
<#if e.settings??>
SETTINGS ${e.settings}
</#if>
</#macro>
