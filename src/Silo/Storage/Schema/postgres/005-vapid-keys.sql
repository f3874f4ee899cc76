-- The cluster's one generated VAPID pair (when none is configured), so every silo signs pushes
-- alike. One row: the first silo to insert wins and every other reads it back. The private key
-- is protected with Data Protection, whose key ring is in oo_dataprotection_keys.
CREATE TABLE IF NOT EXISTS oo_vapid_keys
(
    id                    integer     NOT NULL PRIMARY KEY CHECK (id = 1),
    public_key            text        NOT NULL,
    protected_private_key text        NOT NULL,
    created_at            timestamptz NOT NULL
);
