-- Messages of the CPO mailbox already turned into a concern: a hash of the Message-ID, written in
-- the transaction that starts the concern, so a message becomes a concern exactly once.
create table email_intake (
  message_key         char(64)    not null,
  process_instance_id varchar(64) not null,
  recorded_at         timestamp   not null,
  constraint email_intake_message_unique unique (message_key)
);
