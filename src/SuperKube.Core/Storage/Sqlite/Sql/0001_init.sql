-- Current objects: one row per key, holding the revision of its last write and its JSON.
CREATE TABLE objects (
    resource  TEXT    NOT NULL,
    namespace TEXT    NOT NULL,
    name      TEXT    NOT NULL,
    revision  INTEGER NOT NULL,
    value     BLOB    NOT NULL,
    PRIMARY KEY (resource, namespace, name)
) WITHOUT ROWID;

-- Change log in revision order; a deletion keeps the object's last state. Compaction removes old rows.
CREATE TABLE changes (
    revision  INTEGER PRIMARY KEY,
    type      INTEGER NOT NULL,
    resource  TEXT    NOT NULL,
    namespace TEXT    NOT NULL,
    name      TEXT    NOT NULL,
    value     BLOB    NOT NULL
);

-- Revision counters, kept here so they survive the compaction of every change.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO meta (key, value) VALUES ('current_revision', 0), ('compacted_revision', 0);
