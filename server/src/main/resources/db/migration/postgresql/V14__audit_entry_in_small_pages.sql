-- Derby's V14 creates audit_entry again in 4 KB pages (its 32 KB pages made each update of a row allocate 32 KB).
-- PostgreSQL's pages are one size for every table and it updates rows by writing a new version: nothing to change.
SELECT 1;
