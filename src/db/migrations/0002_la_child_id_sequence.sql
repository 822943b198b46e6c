-- Local-authority child IDs are issued from a sequence: never reused, safe under concurrent writers.
CREATE SEQUENCE la_child_id_seq START WITH 1 MINVALUE 1;
