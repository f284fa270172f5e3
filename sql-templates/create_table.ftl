<#import "macros.ftl" as m>
<@m.header header/>
CREATE TABLE ${name}
<@m.columns columns indexes/>
<@m.engine engine/>
