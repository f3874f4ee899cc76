-- oO's own analytics tables: what was served, how people reacted, and what operators did.
-- The user grain is the source of truth; these rows can be rebuilt from it.

CREATE TABLE IF NOT EXISTS oo_served_tips
(
    tip_id          varchar(64)      NOT NULL PRIMARY KEY,
    user_id         varchar(64)      NOT NULL,
    served_at       timestamptz      NOT NULL,
    policy          varchar(64)      NOT NULL,
    source          varchar(64)      NOT NULL,
    source_ref      varchar(256)     NOT NULL,
    propensity      double precision NOT NULL,
    latency_us      bigint           NOT NULL,
    decision_json   text             NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_oo_served_tips_user ON oo_served_tips (user_id, served_at);

CREATE TABLE IF NOT EXISTS oo_rewards
(
    tip_id      varchar(64)      NOT NULL PRIMARY KEY,
    user_id     varchar(64)      NOT NULL,
    reacted_at  timestamptz      NOT NULL,
    reaction    varchar(16)      NOT NULL,
    dwell_ms    bigint           NULL,
    reward      double precision NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_oo_rewards_user ON oo_rewards (user_id, reacted_at);

CREATE TABLE IF NOT EXISTS oo_audit
(
    id      bigserial    PRIMARY KEY,
    at      timestamptz  NOT NULL,
    actor   varchar(320) NOT NULL,
    action  varchar(64)  NOT NULL,
    target  varchar(256) NOT NULL,
    detail  text         NULL
);
