-- Trigram similarity for finding a child by a misspelt name (src/features/search). pg_trgm is a
-- contrib extension: shipped with PostgreSQL's server package, and with PGlite (loaded in
-- src/db/open-pglite.ts). It is a trusted extension, so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
