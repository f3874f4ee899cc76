-- The operators' console slices rewards per kind and per priority: what a served tip asked of the person (task,
-- advice, insight, reminder) and, for a task, its priority at its source (1 normal … 4 urgent). Null on rows
-- written before this migration and, for priority, on written candidates.
ALTER TABLE oo_served_tips ADD COLUMN kind TEXT NULL;
ALTER TABLE oo_served_tips ADD COLUMN priority INTEGER NULL;
