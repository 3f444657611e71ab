-- The audit chain's head, read under the chain's lock in one round trip
-- (lib/audit/record.ts). A VOLATILE PL/pgSQL function takes a fresh snapshot for
-- each statement, so the head it returns is the one the lock's previous holder
-- committed; one plain statement would take its snapshot before the lock is granted.
-- The lock is held until the caller's transaction ends.
CREATE FUNCTION "audit_chain_head"() RETURNS TABLE ("hash" TEXT) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7041);
  RETURN QUERY SELECT e."hash" FROM "AuditEvent" e ORDER BY e."seq" DESC LIMIT 1;
END
$$;
