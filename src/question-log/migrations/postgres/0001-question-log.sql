-- The question log (PostgreSQL).
-- One row per question the bot answered, refused or failed on; question_text only for refused ones.
CREATE TABLE questions (
  id            TEXT PRIMARY KEY,
  asked_at      TIMESTAMPTZ NOT NULL,
  platform      TEXT NOT NULL,
  locale        TEXT NOT NULL,
  user_hash     TEXT,
  outcome       TEXT NOT NULL CHECK (outcome IN ('answered', 'refused', 'error')),
  score         REAL NOT NULL,
  question_text TEXT,
  normalised    TEXT
);
CREATE INDEX questions_asked_at ON questions (asked_at);
CREATE INDEX questions_refused ON questions (normalised, asked_at) WHERE outcome = 'refused';

-- The facts each answer stated, so the report can rate facts.
CREATE TABLE question_facts (
  question_id TEXT NOT NULL,
  fact_id     TEXT NOT NULL,
  asked_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (question_id, fact_id)
);
CREATE INDEX question_facts_fact ON question_facts (fact_id, asked_at);
CREATE INDEX question_facts_asked_at ON question_facts (asked_at);

-- One vote per user per answer. No foreign key: a vote may reach this database before the question
-- (another instance's queue) and outlive it by a few moments at the retention cut.
CREATE TABLE votes (
  answer_id     TEXT NOT NULL,
  user_hash     TEXT NOT NULL,
  value         SMALLINT NOT NULL CHECK (value IN (-1, 1)),
  question_text TEXT,
  voted_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (answer_id, user_hash)
);
CREATE INDEX votes_voted_at ON votes (voted_at);

-- Settings the instances sharing this database agree on (the user-hash salt).
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
