# Shared by the scripts that push many articles through a local pipeline (bench-pipeline.sh, soak.sh); source it.

# seed_corpus COUNT FILE PREFIX [numbered]: COUNT articles as JSON Lines, the seed pages in turn with ids
# PREFIX-0, PREFIX-1, …; with "numbered", each body ends with a line of its own, so no two bodies are equal.
seed_corpus() {
    python3 - "$1" "$2" "$3" "${4:-}" Fixtures/seeds/*.txt <<'PY'
import json, sys
count, out, prefix, numbered, seeds = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4] == "numbered", sys.argv[5:]
bodies = [open(path, encoding="utf-8").read() for path in seeds]
with open(out, "w", encoding="utf-8") as f:
    for i in range(count):
        body = bodies[i % len(bodies)] + (f"\nالخبر رقم {i}." if numbered else "")
        f.write(json.dumps({"id": f"{prefix}-{i}", "body": body, "published_at": "2025-05-28"}, ensure_ascii=False)
                + "\n")
PY
}

# stored_articles DB: the number of articles stored in DB, 0 while the database does not exist yet.
stored_articles() {
    python3 -c 'import sqlite3, sys
try:
    print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM articles").fetchone()[0])
except sqlite3.Error:
    print(0)' "$1"
}
