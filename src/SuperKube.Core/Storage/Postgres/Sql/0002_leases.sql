-- Named leases: one per controller and one for the scheduler. Every time in these rows comes from the database
-- clock (now()), never from a server's clock. A lease whose expire_time has passed is free.
CREATE TABLE leases (
    name         text        PRIMARY KEY,
    holder       text        NOT NULL,
    acquire_time timestamptz NOT NULL,
    renew_time   timestamptz NOT NULL,
    expire_time  timestamptz NOT NULL,
    transitions  integer     NOT NULL DEFAULT 0
);

-- The servers sharing this database, each renewing its own row; a row past its expire_time is a stopped server.
-- Used to spread leases (a fair share per live server) and to list the API server endpoints.
CREATE TABLE servers (
    identity    text        PRIMARY KEY,
    address     text        NOT NULL,
    expire_time timestamptz NOT NULL
);
