#!/usr/bin/env python3
"""Applies the sample's upgrade sections in topological order, then the downgrade sections in
reverse, on SQLite (sqlite3 CLI) and PostgreSQL (psql), to prove the SQL itself is sound.
Independent of Retort: a check on the sample, not on the engine.

usage: check-sql.py [sqlite|postgresql ...]     (PG from RETORT_TEST_PG_URL or db "test")
"""
import os, re, subprocess, sys, tempfile
from pathlib import Path

VERSIONS = Path(__file__).resolve().parent.parent / "migrations" / "versions"
SEED = """
INSERT INTO customer (id, email, full_name) VALUES (1, 'ann@example.org', 'Ann Example'), (2, 'bo@example.org', 'Bo O''Neill');
INSERT INTO product (id, name, price) VALUES (1, 'House coffee 1kg', 21.50), (2, 'Green tea 100g', 7.90), (3, 'Hand grinder', 49.00);
INSERT INTO orders (id, customer_id) VALUES (1, 1), (2, 1), (3, 2);
INSERT INTO order_line (id, order_id, product_id, quantity, unit_price) VALUES (1, 1, 1, 2, 21.50), (2, 2, 3, 1, 49.00), (3, 3, 2, 3, 7.90);
"""

def parse(path):
    text = path.read_text()
    head = {}
    for line in text.splitlines():
        if not line.startswith("--"):
            break
        m = re.match(r"--\s*([A-Za-z ]+):\s*(.*)$", line)
        if m:
            head[m.group(1).strip().lower()] = m.group(2).strip()
    sections, cur = {}, None
    for line in text.splitlines(keepends=True):
        m = re.match(r"--\s*retort:(upgrade|downgrade)\s*(\w*)\s*$", line)
        if m:
            cur = (m.group(1), m.group(2) or None)
            sections[cur] = ""
        elif cur:
            sections[cur] += line
    split = lambda v: [x.strip() for x in v.split(",") if x.strip()] if v else []
    return dict(id=head["revision id"], down=split(head.get("revises")), deps=split(head.get("depends on")),
                file=path.name, sections=sections)

def topo(revs):
    by_id = {r["id"]: r for r in revs}
    done, order = set(), []
    pending = sorted(revs, key=lambda r: r["file"])
    while pending:
        for r in pending:
            if all(p in done for p in r["down"] + r["deps"]):
                order.append(r); done.add(r["id"]); pending.remove(r); break
        else:
            sys.exit("cycle or unknown parent")
    return order

def section(r, direction, dialect):
    s = r["sections"]
    return s.get((direction, dialect), s.get((direction, None)))

AFTER_UPGRADE = ("SELECT sku || ':' || category_id FROM product ORDER BY id;\n"
                 "SELECT loyalty_points FROM customer ORDER BY id;\n")
EXPECTED_AFTER_UPGRADE = "P-1:1\nP-2:2\nP-3:3\n20\n10"
AFTER_DOWNGRADE = {"sqlite": "SELECT COUNT(*) FROM sqlite_master;",
                   "postgresql": "SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                                 " WHERE n.nspname = 'retort_sample_check';"}

def run_sqlite(order):
    db = Path(tempfile.mkdtemp()) / "shop.db"
    def run(sql, what, single=True):
        p = subprocess.run(["sqlite3", "-bail", str(db)], input="PRAGMA foreign_keys=ON;\n" + sql, text=True, capture_output=True)
        if p.returncode or p.stderr:
            sys.exit(f"sqlite: {what}: {p.stderr}")
        return p.stdout.strip()
    return run

def run_pg(order):
    url = os.environ.get("RETORT_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
    url = url.removeprefix("jdbc:")
    subprocess.run(["psql", url, "-q", "-c", "SET client_min_messages=warning; DROP SCHEMA IF EXISTS retort_sample_check CASCADE; CREATE SCHEMA retort_sample_check"], check=True)
    env = dict(os.environ, PGOPTIONS="-c search_path=retort_sample_check -c client_min_messages=warning")
    def run(sql, what, single=True):
        args = ["psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-X", "-A", "-t"] + (["-1"] if single else [])
        p = subprocess.run(args + ["-f", "-"], input=sql, text=True, capture_output=True, env=env)
        if p.returncode:
            sys.exit(f"postgresql: {what}: {p.stderr}")
        return p.stdout.strip()
    return run

def check(dialect):
    order = topo([parse(p) for p in sorted(VERSIONS.glob("*.sql"))])
    run = run_sqlite(order) if dialect == "sqlite" else run_pg(order)
    for direction, seq in (("upgrade", order), ("downgrade", list(reversed(order)))):
        for r in seq:
            sql = section(r, direction, dialect)
            if sql is None:
                sys.exit(f"{r['file']}: no {direction} section")
            notx = "retort:no-transaction" in sql
            if dialect == "postgresql":
                run(sql, f"{direction} {r['file']}", single=not notx)
            else:
                run(sql, f"{direction} {r['file']}")
            if direction == "upgrade" and r["id"] == "7e2a4c1b9d66":
                run(SEED, "seed data")
        if direction == "upgrade":
            got = run(AFTER_UPGRADE, "data check")
            if got != EXPECTED_AFTER_UPGRADE:
                sys.exit(f"{dialect}: data migrations left {got!r}, expected {EXPECTED_AFTER_UPGRADE!r}")
    left = run(AFTER_DOWNGRADE[dialect], "empty check")
    if left != "0":
        sys.exit(f"{dialect}: {left} objects left after downgrading to base")
    print(f"{dialect}: {len(order)} upgrades and downgrades ran cleanly")
    print("  order: " + " ".join(r["id"][:4] for r in order))

for d in sys.argv[1:] or ["sqlite", "postgresql"]:
    check(d)
