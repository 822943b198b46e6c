-- Who may do what is cached in memory per session (src/features/auth/session-cache.ts). Any change
-- to users, their roles, teams or sessions tells every server listening on hearth_auth, at commit,
-- and they forget what they cached. The session that made the change hears it before its COMMIT
-- returns, so a change made through a server applies to that server's very next request.
CREATE FUNCTION hearth_notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hearth_auth', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER users_auth_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_notify_auth_change();--> statement-breakpoint
CREATE TRIGGER user_roles_auth_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON user_roles
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_notify_auth_change();--> statement-breakpoint
CREATE TRIGGER teams_auth_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON teams
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_notify_auth_change();--> statement-breakpoint
-- Sessions: only their end matters (a new session is not cached yet; the idle touch is the cache's own write).
CREATE TRIGGER sessions_auth_change AFTER DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_notify_auth_change();
