-- Analytics values are bounded where they are made, not by the column: a varchar(16) reaction
-- refused the 19-character 'completed-in-source' and stalled the writer. text costs the same in
-- PostgreSQL, and varchar → text needs no table rewrite, so running this again changes nothing.
ALTER TABLE oo_served_tips ALTER COLUMN policy TYPE text;
ALTER TABLE oo_served_tips ALTER COLUMN source TYPE text;
ALTER TABLE oo_served_tips ALTER COLUMN source_ref TYPE text;
ALTER TABLE oo_rewards ALTER COLUMN reaction TYPE text;
ALTER TABLE oo_audit ALTER COLUMN actor TYPE text;
ALTER TABLE oo_audit ALTER COLUMN action TYPE text;
ALTER TABLE oo_audit ALTER COLUMN target TYPE text;

-- Rows the database refused for what they hold (a constraint, a value it cannot store): kept with
-- the error for an operator instead of blocking the rows queued behind them. A user's erasure
-- deletes theirs; retention deletes old ones.
CREATE TABLE IF NOT EXISTS oo_dead_letters
(
    id            bigserial   PRIMARY KEY,
    at            timestamptz NOT NULL,
    kind          text        NOT NULL,
    user_id       text        NULL,
    payload_json  text        NOT NULL,
    error         text        NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_oo_dead_letters_user ON oo_dead_letters (user_id);
CREATE INDEX IF NOT EXISTS ix_oo_dead_letters_at ON oo_dead_letters (at);
