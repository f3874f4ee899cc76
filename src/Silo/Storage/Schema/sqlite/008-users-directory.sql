-- The operators' console's directory of people: who signed up when, which sources they connected, and the
-- pushes sent and opened. The user grain stays the source of truth; these rows are written through the
-- analytics writer and erased with the account.

CREATE TABLE IF NOT EXISTS oo_users
(
    user_id     TEXT    NOT NULL PRIMARY KEY,
    email       TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_oo_users_email ON oo_users (email);
CREATE INDEX IF NOT EXISTS ix_oo_users_created ON oo_users (created_at);

CREATE TABLE IF NOT EXISTS oo_user_sources
(
    user_id             TEXT    NOT NULL,
    source              TEXT    NOT NULL,
    first_connected_at  TEXT    NOT NULL,
    connected           INTEGER NOT NULL,
    PRIMARY KEY (user_id, source)
);

CREATE TABLE IF NOT EXISTS oo_push_log
(
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id  TEXT    NOT NULL,
    at       TEXT    NOT NULL,
    outcome  TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_oo_push_log_at ON oo_push_log (at);
CREATE INDEX IF NOT EXISTS ix_oo_push_log_user ON oo_push_log (user_id);

-- People who were served before the directory existed: their first tip stands in for their signup.
INSERT INTO oo_users (user_id, email, created_at)
SELECT user_id, '', MIN(served_at) FROM oo_served_tips WHERE true GROUP BY user_id
ON CONFLICT (user_id) DO NOTHING;
