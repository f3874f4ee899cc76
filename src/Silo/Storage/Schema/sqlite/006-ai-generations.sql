-- Written candidates (issue 11): which model and prompt version wrote a served tip (null for a task), and one row per
-- generation a user's grain asked for. Never the text sent or received: its SHA-256 and size only. A user's erasure
-- deletes their generations; retention deletes old ones, as for the explainability log.
ALTER TABLE oo_served_tips ADD COLUMN model TEXT NULL;
ALTER TABLE oo_served_tips ADD COLUMN prompt_version TEXT NULL;
CREATE INDEX IF NOT EXISTS ix_oo_served_tips_variant ON oo_served_tips (model, prompt_version);

CREATE TABLE IF NOT EXISTS oo_generations
(
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    at               TEXT    NOT NULL,
    user_id          TEXT    NOT NULL,
    model            TEXT    NOT NULL,
    prompt_version   TEXT    NOT NULL,
    outcome          TEXT    NOT NULL,
    candidates       INTEGER NOT NULL,
    rejections_json  TEXT    NOT NULL,
    latency_ms       INTEGER NOT NULL,
    input_tokens     INTEGER NOT NULL,
    output_tokens    INTEGER NOT NULL,
    context_hash     TEXT    NOT NULL,
    context_bytes    INTEGER NOT NULL,
    attempts         INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_oo_generations_user ON oo_generations (user_id, at);
CREATE INDEX IF NOT EXISTS ix_oo_generations_at ON oo_generations (at);
