-- Rate-limit leases (issue 12): an instance takes several tokens from a shared bucket in one
-- statement and grants them locally (http/shared-rate-limit.ts), instead of one statement per
-- request that serialises every request of a token on its bucket's row. `taken` is how many the
-- last statement took; `granted` stays for instances of the previous version during a rolling
-- upgrade.
ALTER TABLE rate_limit_buckets ADD COLUMN taken integer NOT NULL DEFAULT 0;
