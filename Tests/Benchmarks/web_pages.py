#!/usr/bin/env python3
"""Server time of the web view's pages on a large store, and the memory of exporting all of it.

Usage: web_pages.py BASE_URL DATABASE SERVER_PID [CALLS]

Requests go one at a time over one kept-alive connection. Each response's Server-Timing header (app;dur=MS) is the
time the server spent on it, which is what the target is about; the time the client saw is printed beside it.
Cases are drawn from the store itself (read with sqlite3): common and rare words, filters, random articles, the
most mentioned entities (the costliest entity pages) and random ones. Then /export.csv streams every article while
the server's peak resident memory (VmHWM) is read before and after. Called by scripts/bench-web.sh.
"""

import http.client
import random
import re
import sqlite3
import sys
import time
import urllib.parse


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


class Client:
    def __init__(self, base):
        address = urllib.parse.urlsplit(base)
        self.connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)

    def get(self, path):
        """Returns (status, server ms, client ms, body bytes)."""
        started = time.perf_counter()
        self.connection.request("GET", path, headers={"Accept": "text/html"})
        response = self.connection.getresponse()
        body = response.read()
        client_ms = (time.perf_counter() - started) * 1000
        timing = re.search(r"dur=([0-9.]+)", response.getheader("Server-Timing") or "")
        return response.status, float(timing.group(1)) if timing else float("nan"), client_ms, len(body)


def measure(client, name, paths, calls):
    server, seen = [], []
    for index in range(calls):
        status, server_ms, client_ms, _ = client.get(paths[index % len(paths)])
        if status != 200:
            raise AssertionError(f"{name}: {paths[index % len(paths)]} answered {status}")
        server.append(server_ms)
        seen.append(client_ms)
    print(f"  {name:<34} server p50 {percentile(server, 0.5):6.1f} ms  p99 {percentile(server, 0.99):6.1f} ms  "
          f"max {max(server):6.1f} ms   client p50 {percentile(seen, 0.5):6.1f} ms  p99 {percentile(seen, 0.99):6.1f} ms",
          flush=True)
    return server


def main():
    base, database, pid = sys.argv[1], sys.argv[2], int(sys.argv[3])
    calls = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    rng = random.Random(7)
    articles = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    print(f"store: {database}, {articles} articles; {calls} calls per case", flush=True)

    top = [row for row in db.execute(
        "SELECT id, type, canonical, article_count FROM entities WHERE article_count > 0 "
        "ORDER BY article_count DESC LIMIT 20")]
    spread = [row[0] for row in db.execute(
        "SELECT id FROM entities WHERE article_count BETWEEN 2 AND 2000 ORDER BY id")]
    random_entities = rng.sample(spread, min(len(spread), 200))
    person = next(row for row in top if row[1] == "PERSON")
    place = next(row for row in top if row[1] == "LOCATION")
    ids = [row[0] for row in db.execute("SELECT id FROM articles")]
    random_articles = rng.sample(ids, min(len(ids), 500))

    def search(**parameters):
        return "/search?" + urllib.parse.urlencode(parameters)

    client = Client(base)
    # One warm-up pass, so the first case does not pay for opening the file.
    for path in ["/", search(q="الأمن"), "/entity?id=" + urllib.parse.quote(person[0])]:
        client.get(path)
    print("pages:", flush=True)
    results = {}
    results["search"] = []
    for name, path in [
        ("search: common word الأمن", search(q="الأمن")),
        (f"search: top place {place[2]}", search(q=place[2])),
        (f"search: top person {person[2]}", search(q=person[2])),
        ("search: two words, ranked", search(q="وزير الخارجية", order="relevance")),
        ("search: word + type + dates", search(q="الأمن", type="PERSON", **{"from": "2024-01-01", "to": "2024-06-30"})),
        ("search: entity filter, no words", search(entity=place[0])),
    ]:
        results["search"] += measure(client, name, [path], calls)
    results["article"] = measure(client, "article: random", ["/article?id=" + urllib.parse.quote(i)
                                                                for i in random_articles], calls)
    results["entity"] = measure(client, "entity: 20 most mentioned", ["/entity?id=" + urllib.parse.quote(row[0])
                                                                       for row in top], calls)
    results["entity"] += measure(client, "entity: random", ["/entity?id=" + urllib.parse.quote(i)
                                                             for i in random_entities], calls)
    results["overview"] = measure(client, "overview", ["/"], max(20, calls // 10))
    print("all cases of a page:", flush=True)
    for page in ("search", "article", "entity", "overview"):
        values = results[page]
        print(f"  {page:<10} server p50 {percentile(values, 0.5):6.1f} ms  p99 {percentile(values, 0.99):6.1f} ms  "
              f"({len(values)} calls)", flush=True)

    before = peak_rss_mb(pid)
    started = time.perf_counter()
    status, _, _, size = client.get("/export.csv")
    seconds = time.perf_counter() - started
    after = peak_rss_mb(pid)
    if status != 200:
        raise AssertionError(f"/export.csv answered {status}")
    print(f"export: {articles} articles as CSV, {size / 1e6:.1f} MB in {seconds:.1f} s "
          f"({articles / seconds:.0f} articles/s); server peak RSS {before:.0f} MB before, {after:.0f} MB after",
          flush=True)


if __name__ == "__main__":
    main()
