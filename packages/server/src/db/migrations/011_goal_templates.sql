-- Goal templates (issue 16): the templates managers add. The shipped library is code
-- (templates/library.ts), never a row, so a server upgrade changes it without a migration and
-- no write can reach it. `definition` is the template as validated (GoalTemplateInput with its
-- defaults filled), kept as text so it reads back with its keys in order (jsonb reorders them);
-- `category` and `industry_key` are copied out of it for the list filters.
CREATE TABLE goal_templates (
  id text PRIMARY KEY,
  category text NOT NULL,
  -- lower(industry), so the filter compares case-insensitively; null = any industry.
  industry_key text,
  definition text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX goal_templates_id_idx ON goal_templates (id COLLATE "C");
