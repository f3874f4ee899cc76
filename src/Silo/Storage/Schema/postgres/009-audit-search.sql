-- The console's audit page searches by time, actor and target, and erasing a user rewrites the
-- rows that name them (as target or actor) to a pseudonym instead of deleting them: both look rows
-- up by these columns.
CREATE INDEX IF NOT EXISTS ix_oo_audit_at ON oo_audit (at);
CREATE INDEX IF NOT EXISTS ix_oo_audit_target ON oo_audit (target);
CREATE INDEX IF NOT EXISTS ix_oo_audit_actor ON oo_audit (actor);
