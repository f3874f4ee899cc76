-- oO's own analytics tables: what was served, how people reacted, and what operators did.
-- The user grain is the source of truth; these rows can be rebuilt from it.

CREATE TABLE IF NOT EXISTS oo_served_tips
(
    tip_id          TEXT    NOT NULL PRIMARY KEY,
    user_id         TEXT    NOT NULL,
    served_at       TEXT    NOT NULL,
    policy          TEXT    NOT NULL,
    source          TEXT    NOT NULL,
    source_ref      TEXT    NOT NULL,
    propensity      REAL    NOT NULL,
    latency_us      INTEGER NOT NULL,
    decision_json   TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_oo_served_tips_user ON oo_served_tips (user_id, served_at);

CREATE TABLE IF NOT EXISTS oo_rewards
(
    tip_id      TEXT    NOT NULL PRIMARY KEY,
    user_id     TEXT    NOT NULL,
    reacted_at  TEXT    NOT NULL,
    reaction    TEXT    NOT NULL,
    dwell_ms    INTEGER NULL,
    reward      REAL    NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_oo_rewards_user ON oo_rewards (user_id, reacted_at);

CREATE TABLE IF NOT EXISTS oo_audit
(
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT    NOT NULL,
    actor   TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    target  TEXT    NOT NULL,
    detail  TEXT    NULL
);
