-- ASP.NET Core Data Protection keys, shared by every silo of a cluster so that a cookie or an
-- encrypted token written by one silo is read by all.
CREATE TABLE IF NOT EXISTS oo_dataprotection_keys
(
    name varchar(200) NOT NULL PRIMARY KEY,
    xml  text         NOT NULL
);
