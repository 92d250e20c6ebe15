#!/usr/bin/env python3
"""Generate revision histories for the graph benchmarks.

  gen.py OUT N SHAPE    SHAPE = linear | branched

Writes OUT/retort (a Retort environment: retort.ini, migrations/versions/*.sql) and
OUT/alembic (the same graph as an Alembic environment, for bench/graph/alembic.sh).
"branched": a main line where every 50 revisions a branch of 10 revisions leaves it and is
merged back (the merge revision has two parents).
"""
import os
import random
import sys


def graph(n, shape):
    rng = random.Random(n * 7 + (shape == "branched"))
    ids = set()

    def new_id():
        while True:
            i = "%012x" % rng.getrandbits(48)
            if i not in ids:
                ids.add(i)
                return i

    revs = []  # (id, [down])
    head = None
    while len(revs) < n:
        if shape == "branched" and len(revs) % 50 == 40 and n - len(revs) > 12:
            fork = head
            side = fork
            for _ in range(10):
                r = new_id()
                revs.append((r, [side] if side else []))
                side = r
            main = new_id()
            revs.append((main, [fork] if fork else []))
            merge = new_id()
            revs.append((merge, [main, side]))
            head = merge
        else:
            r = new_id()
            revs.append((r, [head] if head else []))
            head = r
    return revs[:n] if shape == "linear" else revs


def write_retort(out, revs):
    v = os.path.join(out, "retort", "migrations", "versions")
    os.makedirs(v, exist_ok=True)
    with open(os.path.join(out, "retort", "retort.ini"), "w") as f:
        f.write("[retort]\nscript_location = %(here)s/migrations\nurl = sqlite:///%(here)s/bench.db\n")
    for i, (r, down) in enumerate(revs):
        with open(os.path.join(v, "%s_step_%d.sql" % (r, i)), "w") as f:
            f.write("-- step %d\n--\n-- Revision ID: %s\n-- Revises: %s\n"
                    "-- Create Date: 2026-01-01 00:00:00.000000\n\n"
                    "-- retort:upgrade\nCREATE TABLE t_%s (id INTEGER);\n\n"
                    "-- retort:downgrade\nDROP TABLE t_%s;\n" % (i, r, ", ".join(down), r, r))


ENV_PY = '''from alembic import context
config = context.config
def run():
    context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
if context.is_offline_mode():
    run()
else:
    from sqlalchemy import create_engine
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        context.configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
'''


def write_alembic(out, revs):
    base = os.path.join(out, "alembic")
    v = os.path.join(base, "migrations", "versions")
    os.makedirs(v, exist_ok=True)
    with open(os.path.join(base, "alembic.ini"), "w") as f:
        f.write("[alembic]\nscript_location = %(here)s/migrations\n"
                "sqlalchemy.url = sqlite:///%(here)s/bench.db\n")
    with open(os.path.join(base, "migrations", "env.py"), "w") as f:
        f.write(ENV_PY)
    with open(os.path.join(base, "migrations", "script.py.mako"), "w") as f:
        f.write("")
    for i, (r, down) in enumerate(revs):
        d = repr(tuple(down)) if len(down) > 1 else (repr(down[0]) if down else "None")
        with open(os.path.join(v, "%s_step_%d.py" % (r, i)), "w") as f:
            f.write('"""step %d"""\nfrom alembic import op\nrevision = %r\ndown_revision = %s\n'
                    'branch_labels = None\ndepends_on = None\n\n'
                    'def upgrade():\n    op.execute("CREATE TABLE t_%s (id INTEGER)")\n\n'
                    'def downgrade():\n    op.execute("DROP TABLE t_%s")\n' % (i, r, d, r, r))


def main():
    out, n, shape = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    revs = graph(n, shape)
    write_retort(out, revs)
    write_alembic(out, revs)
    print("%s: %d revisions (%s)" % (out, len(revs), shape))


if __name__ == "__main__":
    main()
