/**
 * Schema migrations, applied in order at open; `PRAGMA user_version` records how far a database is.
 * Never edit a released migration: append a new one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL,
    locale TEXT NOT NULL,
    portal TEXT,
    status TEXT NOT NULL,
    answers TEXT NOT NULL,
    cursor TEXT,
    rev INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_answered_at TEXT
  ) STRICT;
  CREATE TABLE answer_events (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    question_id TEXT NOT NULL,
    value TEXT,
    source TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE messages (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    role TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    data TEXT,
    PRIMARY KEY (session_id, seq)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE statutes (
    law TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    title TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    articles TEXT NOT NULL
  ) STRICT;
  `,
]
