-- Written candidates (issue 11): which model and prompt version wrote a served tip (null for a task), and one row per
-- generation a user's grain asked for. Never the text sent or received: its SHA-256 and size only. A user's erasure
-- deletes their generations; retention deletes old ones, as for the explainability log.
ALTER TABLE oo_served_tips ADD COLUMN IF NOT EXISTS model text NULL;
ALTER TABLE oo_served_tips ADD COLUMN IF NOT EXISTS prompt_version text NULL;
CREATE INDEX IF NOT EXISTS ix_oo_served_tips_variant ON oo_served_tips (model, prompt_version);

CREATE TABLE IF NOT EXISTS oo_generations
(
    id               bigserial   PRIMARY KEY,
    at               timestamptz NOT NULL,
    user_id          text        NOT NULL,
    model            text        NOT NULL,
    prompt_version   text        NOT NULL,
    outcome          text        NOT NULL,
    candidates       integer     NOT NULL,
    rejections_json  text        NOT NULL,
    latency_ms       bigint      NOT NULL,
    input_tokens     bigint      NOT NULL,
    output_tokens    bigint      NOT NULL,
    context_hash     text        NOT NULL,
    context_bytes    integer     NOT NULL,
    attempts         integer     NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_oo_generations_user ON oo_generations (user_id, at);
CREATE INDEX IF NOT EXISTS ix_oo_generations_at ON oo_generations (at);
