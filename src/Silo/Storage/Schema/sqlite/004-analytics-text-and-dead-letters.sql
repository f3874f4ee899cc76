-- SQLite's TEXT has no length, so only the dead-letter table is new here (see the PostgreSQL
-- script of the same name): rows the database refused for what they hold, kept with the error.

CREATE TABLE IF NOT EXISTS oo_dead_letters
(
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    at            TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    user_id       TEXT    NULL,
    payload_json  TEXT    NOT NULL,
    error         TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_oo_dead_letters_user ON oo_dead_letters (user_id);
CREATE INDEX IF NOT EXISTS ix_oo_dead_letters_at ON oo_dead_letters (at);
