-- draft: view (endpoint pipe), from pipes/draft.pipe:3
--
-- A pipe without TYPE is an endpoint (Classic): its last node is the output.
CREATE VIEW draft
AS
SELECT count() FROM events;
