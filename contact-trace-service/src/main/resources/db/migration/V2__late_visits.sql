-- A visit indexed after its case was traced traces the case again (LateVisitTracing), which first
-- looks for the confirmed cases whose trace the visit could reach: recent confirmations only.
CREATE INDEX trace_case_confirmed ON trace_case (confirmed_at) WHERE status = 'CONFIRMED';
