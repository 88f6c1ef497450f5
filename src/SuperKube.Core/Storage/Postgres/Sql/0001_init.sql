-- Current objects: one row per key, holding the revision of its last write and its JSON.
CREATE TABLE objects (
    resource  text   NOT NULL,
    namespace text   NOT NULL,
    name      text   NOT NULL,
    revision  bigint NOT NULL,
    value     bytea  NOT NULL,
    PRIMARY KEY (resource, namespace, name)
);

-- Change log in revision order; a deletion keeps the object's last state. Compaction removes old rows.
CREATE TABLE changes (
    revision  bigint   PRIMARY KEY,
    type      smallint NOT NULL,
    resource  text     NOT NULL,
    namespace text     NOT NULL,
    name      text     NOT NULL,
    value     bytea    NOT NULL
);

-- The newest revision. Every write transaction updates this single row, which serialises commits: revision order
-- equals commit order and a rolled-back transaction leaves no gap.
CREATE TABLE revision_counter (
    id       boolean PRIMARY KEY DEFAULT true CHECK (id),
    revision bigint  NOT NULL
);

-- The compaction point, in its own row so compaction never waits on the writers' counter lock.
CREATE TABLE compaction (
    id       boolean PRIMARY KEY DEFAULT true CHECK (id),
    revision bigint  NOT NULL
);

INSERT INTO revision_counter (revision) VALUES (0);
INSERT INTO compaction (revision) VALUES (0);
