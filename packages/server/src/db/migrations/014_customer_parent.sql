-- Account hierarchy (issue 16): a customer may have a parent account. One level only: a parent
-- has no parent of its own and a child has no children (the write routes refuse both with a
-- 422), so a token's scope and a parent's rollup are one step and never recursive. A parent row
-- that disappears (a reseed, a manual delete: the API deletes no customer) leaves its children
-- as top-level accounts rather than refusing the delete or removing them.
ALTER TABLE customers ADD COLUMN parent_id text REFERENCES customers (id) ON DELETE SET NULL;
ALTER TABLE customers ADD CONSTRAINT customers_parent_not_self CHECK (parent_id IS NULL OR parent_id <> id);
CREATE INDEX customers_parent_idx ON customers (parent_id) WHERE parent_id IS NOT NULL;
