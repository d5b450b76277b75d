-- Receipt codes of the public report page. Only a hash of the code is kept: the code itself is
-- shown once to the reporter and is the only key to their report (adding information, status).
create table report_receipt (
  code_hash           char(64)    not null,
  process_instance_id varchar(64) not null,
  created_at          timestamp   not null,
  constraint report_receipt_pk primary key (code_hash)
);
