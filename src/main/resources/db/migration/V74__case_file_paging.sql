-- Paging the case list (issue 25): its pages are read newest first, so the database walks this
-- index backwards and stops after one page instead of sorting every case. The process instance
-- id breaks ties between cases opened in the same instant, so pages never overlap or skip.
create index case_file_opened on case_file (opened_at, process_instance_id);
