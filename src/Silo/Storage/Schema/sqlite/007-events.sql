-- The event log (see docs/events.md): what happened to whom, when, with a JSON payload. Ids grow with time, so a
-- tail reads "id > last". event_key is set by the writer, so a batch written again after an unclear commit adds
-- nothing. Retention deletes rows older than the explainability log's; erasing a user deletes theirs.
CREATE TABLE IF NOT EXISTS oo_events
(
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    event_key     TEXT    NOT NULL UNIQUE,
    subject       TEXT    NOT NULL,
    user_id       TEXT    NULL,
    at            TEXT    NOT NULL,
    payload_json  TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_oo_events_subject ON oo_events (subject, id);
CREATE INDEX IF NOT EXISTS ix_oo_events_user ON oo_events (user_id, id);
CREATE INDEX IF NOT EXISTS ix_oo_events_at ON oo_events (at);
