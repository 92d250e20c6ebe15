#!/usr/bin/env python3
"""Schema generator for the diff benchmark: N tables of 10 columns, 2 indexes and 1 foreign key
each (10N columns, 2N indexes, N foreign keys). Variant 'b' differs from 'a' in `changes` places
(added, dropped and retyped columns, added and dropped indexes, dropped foreign keys).
Usage: gen.py FAMILY VARIANT [N] [CHANGES]   FAMILY: postgresql | sqlite | mariadb"""
import sys

family, variant = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
changes = int(sys.argv[4]) if len(sys.argv) > 4 else 100
b = variant == "b"
# which tables carry a change in b, and of which kind (6 kinds round robin)
changed = {i * (n // changes): i % 6 for i in range(changes)} if b else {}
text = "TEXT" if family == "sqlite" else "varchar(100)"
big = "bigint"
out = []
for i in range(n):
    kind = changed.get(i, -1)
    cols = [f"id integer PRIMARY KEY", f"parent_id integer"]
    for c in range(8):
        if kind == 1 and c == 7:
            continue  # dropped column
        typ = "integer" if c % 2 == 0 else text
        if kind == 2 and c == 0:
            typ = big  # retyped column
        cols.append(f"c{c} {typ}")
    if kind == 0:
        cols.append("added integer")  # added column
    if kind != 5 and i > 0:
        cols.append(f"FOREIGN KEY (parent_id) REFERENCES t{i - 1:04d} (id)")
    out.append(f"CREATE TABLE t{i:04d} (\n  " + ",\n  ".join(cols) + "\n);")
    if kind != 4:
        out.append(f"CREATE INDEX ix_t{i:04d}_c0 ON t{i:04d} (c0);")
    out.append(f"CREATE INDEX ix_t{i:04d}_c2 ON t{i:04d} (c2{', c4' if kind == 3 else ''});")
print("\n".join(out))
