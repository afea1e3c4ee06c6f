-- Whose word the colour of a scan was: ISSUER (this province's table, or the visitor's home province
-- asked at the scan) or TOKEN (the colour written in the code). Null for a decision without a colour
-- and for the scans recorded before it was kept.
ALTER TABLE scan_attempt ADD COLUMN colour_source text CHECK (colour_source IN ('ISSUER', 'TOKEN'));
