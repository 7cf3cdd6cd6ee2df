"""The Akhbar contracts from another language: Python clients built from the same .proto files.

Starts the real services against a running broker: `akhbar-ingest serve`, `akhbar-enricher run`
and `akhbar-enricher serve-query`, both gRPC servers with a bearer token. Then, with code that
grpcio-tools generated from Shared/ArticleCodec/Proto (see scripts/test-python.sh):

  1. publishes the five seed articles through IngestService.Publish (a client stream);
  2. reads the topic back with a confluent-kafka consumer and decodes each message with the
     generated RawArticle class;
  3. waits until the enricher has stored all five, asking ArticleQuery.Stats;
  4. reads them back through ArticleQuery: GetArticle, SearchArticles, ListEntities,
     EntityArticles and CoOccurrences;
  5. checks that a call without the token is refused, that an oversize message gets
     RESOURCE_EXHAUSTED and an oversize article INVALID_ARGUMENT, and that the standard health
     service answers SERVING without a token;
  6. starts a second query server with a certificate made by openssl and calls it over TLS.

The store is a SQLite file in a temporary folder, or the PostgreSQL store AKHBAR_ROUND_TRIP_STORE
names (a postgres:// address; the password in PGPASSWORD), which must be empty.

Usage: round_trip.py GENERATED_DIR  (environment: AKHBAR_BIN, AKHBAR_TEST_BROKERS, AKHBAR_ROOT,
optionally AKHBAR_ROUND_TRIP_STORE)
Exits 0 when every check passed; prints each check as it goes.
"""

import os
import pathlib
import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

sys.path.insert(0, sys.argv[1])

import grpc  # noqa: E402
from confluent_kafka import Consumer, Producer  # noqa: E402
from google.protobuf import timestamp_pb2  # noqa: E402

from akhbar.v1 import entity_pb2, ingest_pb2, query_pb2, raw_article_pb2  # noqa: E402
from akhbar.v1 import ingest_service_pb2_grpc, query_service_pb2_grpc  # noqa: E402

ROOT = pathlib.Path(os.environ["AKHBAR_ROOT"])
BIN = pathlib.Path(os.environ["AKHBAR_BIN"])
BROKERS = os.environ["AKHBAR_TEST_BROKERS"]
POSTGRES_STORE = os.environ.get("AKHBAR_ROUND_TRIP_STORE")
SEEDS = sorted((ROOT / "Fixtures" / "seeds").glob("*.txt"))
# Kafka values are framed: magic "AK", schema version, message kind ("R" for RawArticle), protobuf.
FRAME_MAGIC = b"AK"
RAW_ARTICLE_KIND = ord("R")
TOKEN = uuid.uuid4().hex
# About 100 KB: over the 64 KiB request limit given to the ingest server below, under the 4x
# hard limit where the transport cuts a stream off without a status.
OVERSIZE_BODY = "خبر " * 14_000


def check(condition, description):
    if not condition:
        raise AssertionError(description)
    print(f"  ok  {description}", flush=True)


def start(name, arguments, workdir):
    """Starts a service; returns the process and the address it printed once listening."""
    log = open(workdir / f"{name}.log", "w")
    process = subprocess.Popen(
        [str(BIN / arguments[0]), *arguments[1:]],
        stdout=subprocess.PIPE, stderr=log, text=True, env={**os.environ, "AKHBAR_GRPC_TOKEN": TOKEN},
    )
    if "serve" not in arguments[1]:
        return process, None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("listening on "):
            return process, line.split()[-1]
        if not line and process.poll() is not None:
            break
    raise RuntimeError(f"{name} did not start; see {workdir / (name + '.log')}")


def wait_for_file(path, process, seconds=60):
    """Waits until `path` exists; fails once `seconds` pass or `process` exits first."""
    deadline = time.monotonic() + seconds
    while not os.path.exists(path):
        if time.monotonic() > deadline or process.poll() is not None:
            raise RuntimeError(f"{path} was not created within {seconds} s")
        time.sleep(0.1)


def stop(processes):
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def authorized():
    return [("authorization", f"Bearer {TOKEN}")]


def publish_seeds(ingest):
    def requests():
        for index, path in enumerate(SEEDS):
            article = raw_article_pb2.RawArticle(body=path.read_text(encoding="utf-8"))
            yield ingest_pb2.PublishRequest(article=article, client_reference=path.name)

    summary = ingest.Publish(requests(), metadata=authorized(), timeout=60)
    check(summary.received == 5 and summary.published == 5, f"Publish: 5 received, {summary.published} published")
    check(not summary.problems, "Publish: no problems reported")
    one = ingest.PublishOne(
        ingest_pb2.PublishRequest(article=raw_article_pb2.RawArticle(body=SEEDS[0].read_text(encoding="utf-8"))),
        metadata=authorized(), timeout=30,
    )
    check(
        one.outcome == ingest_pb2.PublishResult.OUTCOME_PUBLISHED and one.article_id,
        f"PublishOne: published as {one.article_id}, partition {one.partition}, offset {one.offset}",
    )
    return one.article_id


def read_topic(topic):
    """Every message of the topic, decoded with the generated RawArticle class."""
    consumer = Consumer({
        "bootstrap.servers": BROKERS, "group.id": f"python-{uuid.uuid4().hex}",
        "auto.offset.reset": "earliest", "enable.auto.commit": False,
    })
    consumer.subscribe([topic])
    articles, deadline = [], time.monotonic() + 60
    while len(articles) < 6 and time.monotonic() < deadline:
        message = consumer.poll(1.0)
        if message is None or message.error():
            continue
        value = message.value()
        check(value[:2] == FRAME_MAGIC and value[3] == RAW_ARTICLE_KIND,
              f"Kafka: offset {message.offset()} of partition {message.partition()} is a framed RawArticle")
        article = raw_article_pb2.RawArticle.FromString(value[4:])
        check(message.key().decode() == article.id, f"Kafka: keyed by the article id {article.id}")
        articles.append(article)
    consumer.close()
    return articles


def wait_until_stored(query, count):
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        stats = query.Stats(query_pb2.StatsRequest(), metadata=authorized(), timeout=10)
        if stats.article_count >= count:
            return stats
        time.sleep(1)
    raise AssertionError(f"the enricher did not store {count} articles in time")


def search(query, text, **filters):
    request = query_pb2.SearchArticlesRequest(query=text, **filters)
    return query.SearchArticles(request, metadata=authorized(), timeout=10).articles


def read_back(query, ids):
    for article_id in sorted(ids):
        article = query.GetArticle(query_pb2.GetArticleRequest(article_id=article_id), metadata=authorized()).article
        check(article.article_id == article_id and article.entities, f"GetArticle {article_id}: {len(article.entities)} entities")

    people = query.ListEntities(
        query_pb2.ListEntitiesRequest(type=entity_pb2.ENTITY_TYPE_PERSON, name_prefix="عبد اللطيف"),
        metadata=authorized(),
    ).entities
    check(people and people[0].canonical == "عبد اللطيف حموشي", "ListEntities: PERSON عبد اللطيف… is Hammouchi")
    hammouchi = people[0]

    mentioning = query.EntityArticles(
        query_pb2.EntityArticlesRequest(entity_id=hammouchi.id), metadata=authorized()
    ).articles
    check(len(mentioning) == hammouchi.article_count == 5, "EntityArticles: Hammouchi is in all 5 articles")

    found = {summary.article_id for summary in search(query, "الحموشي")}
    check(found == {summary.article_id for summary in mentioning}, "SearchArticles الحموشي finds every article naming him")
    ranked = {summary.article_id for summary in search(query, "الحموشي", order=query_pb2.SEARCH_ORDER_RELEVANCE)}
    check(ranked == found, "SearchArticles الحموشي by relevance finds the same articles")
    vienna = search(query, "فيينا")
    check(len(vienna) == 2, "SearchArticles فيينا finds the 2 articles written لفيينا / بفيينا / فيينا")
    filtered = search(query, "فيينا", entity_ids=[hammouchi.id], entity_type=entity_pb2.ENTITY_TYPE_LOCATION)
    check({a.article_id for a in filtered} == {a.article_id for a in vienna}, "SearchArticles with entity filters")

    paged, token = [], ""
    while True:
        page = query.SearchArticles(
            query_pb2.SearchArticlesRequest(page_size=2, page_token=token), metadata=authorized()
        )
        paged += [a.article_id for a in page.articles]
        token = page.next_page_token
        if not token:
            break
    check(sorted(paged) == sorted(ids), "SearchArticles: pages of 2 list each stored article once")

    together = query.CoOccurrences(
        query_pb2.CoOccurrencesRequest(entity_id=hammouchi.id), metadata=authorized()
    ).co_occurrences
    countries = {c.entity.canonical for c in together if c.entity.type == entity_pb2.ENTITY_TYPE_LOCATION}
    organizations = [c.entity.canonical for c in together if c.entity.type == entity_pb2.ENTITY_TYPE_ORGANIZATION]
    check({"المغرب", "الإمارات", "السعودية", "قطر", "تركيا", "باكستان"} <= countries,
          "CoOccurrences: the countries he met with: " + "، ".join(sorted(countries & {
              "المغرب", "الإمارات", "السعودية", "قطر", "تركيا", "باكستان", "إسبانيا"})))
    check(len(organizations) >= 3, "CoOccurrences: organizations: " + "، ".join(organizations[:4]))


# An article the team wrote for this check: people, places and a date the tagger knows.
JSON_ARTICLE = {
    "title": "وزير الخارجية يزور الرباط",
    "body": "استقبل وزير الخارجية المغربي ناصر بوريطة في الرباط يوم 2 يونيو 2025 نظيره الإسباني، "
            "وبحث الجانبان التعاون بين المغرب وإسبانيا في مجال الهجرة.",
    "source": "اختبار التوافق",
    "url": "https://example.com/json-article",
    "published_at": "2025-06-02T08:30:00Z",
}


def check_json_article(topic, ingest, query):
    """A plain JSON article produced by confluent-kafka is stored like the same article framed by the ingest."""
    producer = Producer({"bootstrap.servers": BROKERS})
    value = json.dumps({"schema_version": 1, "id": "python-json-1", **JSON_ARTICLE}, ensure_ascii=False)
    producer.produce(topic, key=b"python-json-1", value=value.encode("utf-8"))
    check(producer.flush(30) == 0, "confluent-kafka: a plain JSON article produced to the topic")
    published = timestamp_pb2.Timestamp()
    published.FromJsonString(JSON_ARTICLE["published_at"])
    framed = raw_article_pb2.RawArticle(
        id="python-framed-1", title=JSON_ARTICLE["title"], body=JSON_ARTICLE["body"], source=JSON_ARTICLE["source"],
        url=JSON_ARTICLE["url"], published_at=published)
    ingest.PublishOne(ingest_pb2.PublishRequest(article=framed), metadata=authorized(), timeout=30)
    wait_until_stored(query, 7)

    def stored(article_id):
        return query.GetArticle(query_pb2.GetArticleRequest(article_id=article_id), metadata=authorized()).article

    def entities(article):
        return [(e.type, e.canonical, [(m.start, m.end, m.text) for m in e.mentions]) for e in article.entities]

    from_json, from_frame = stored("python-json-1"), stored("python-framed-1")
    check((from_json.title, from_json.body, from_json.source, from_json.url, from_json.published_at)
          == (from_frame.title, from_frame.body, from_frame.source, from_frame.url, from_frame.published_at),
          "the JSON article is stored with the framed one's title, body, source, URL and date")
    check(entities(from_json) and entities(from_json) == entities(from_frame),
          f"the JSON article has the framed one's {len(from_json.entities)} entities, mention for mention")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def check_metrics(ports):
    """Each server's /metrics passes `promtool check metrics` (HELP on every family, valid names and units)."""
    promtool = ROOT / ".tools" / "bin" / "promtool"
    for name, port in ports.items():
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as response:
            text = response.read()
        result = subprocess.run([str(promtool), "check", "metrics"], input=text, capture_output=True, timeout=30)
        problems = (result.stdout + result.stderr).decode().strip()
        check(result.returncode == 0 and not problems, f"promtool check metrics on {name}'s /metrics: clean {problems}")
        check(b"akhbar_build_info{" in text and b"process_resident_memory_bytes " in text,
              f"{name}'s /metrics has build info and process metrics")
        if name in GRPC_CALLS:
            for method, code in GRPC_CALLS[name]:
                count = sample(text.decode(), "grpc_server_handled_total", grpc_method=method, grpc_code=code)
                check(count >= 1, f"{name}: grpc_server_handled_total of {method} {code} is {count}")
            check(sample(text.decode(), "grpc_server_handling_seconds_count") >= 1,
                  f"{name}: grpc_server_handling_seconds has observations")


# Calls made by the round trip that each gRPC server's /metrics must have counted, refused ones included.
GRPC_CALLS = {
    "akhbar-ingest serve": [("PublishOne", "OK"), ("PublishOne", "RESOURCE_EXHAUSTED"), ("Publish", "OK")],
    "akhbar-enricher serve-query": [("Stats", "OK"), ("Stats", "UNAUTHENTICATED")],
}


def sample(text, family, **labels):
    """The sum of the samples of `family` whose labels include `labels`."""
    total = 0.0
    for line in text.splitlines():
        name, _, rest = line.partition("{")
        if name != family:
            continue
        label_text, _, value = rest.rpartition("} ")
        if all(f'{key}="{wanted}"' in label_text for key, wanted in labels.items()):
            total += float(value)
    return total


def check_limits(ingest, query, ingest_address):
    try:
        query.Stats(query_pb2.StatsRequest(), timeout=10)
        check(False, "a call without the token is refused")
    except grpc.RpcError as error:
        check(error.code() == grpc.StatusCode.UNAUTHENTICATED, "a call without the token: UNAUTHENTICATED")
    try:
        query.Stats(query_pb2.StatsRequest(), metadata=[("authorization", "Bearer wrong")], timeout=10)
        check(False, "a call with a wrong token is refused")
    except grpc.RpcError as error:
        check(error.code() == grpc.StatusCode.UNAUTHENTICATED, "a call with a wrong token: UNAUTHENTICATED")
    try:
        ingest.PublishOne(
            ingest_pb2.PublishRequest(article=raw_article_pb2.RawArticle(body=OVERSIZE_BODY)),
            metadata=authorized(), timeout=30,
        )
        check(False, "an oversize message is refused")
    except grpc.RpcError as error:
        check(error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED, "a 98 KB message (limit 64 KiB): RESOURCE_EXHAUSTED")
    try:
        ingest.PublishOne(
            ingest_pb2.PublishRequest(article=raw_article_pb2.RawArticle(body="خبر " * 5_000)),
            metadata=authorized(), timeout=30,
        )
        check(False, "an oversize article is refused")
    except grpc.RpcError as error:
        check(error.code() == grpc.StatusCode.INVALID_ARGUMENT, "a 40 KB body (limit 16 KiB): INVALID_ARGUMENT")
    # The standard health service, called with hand-made bytes: an empty HealthCheckRequest, and a
    # response whose field 1 (status) is 1 (SERVING).
    with grpc.insecure_channel(ingest_address) as channel:
        check_health = channel.unary_unary("/grpc.health.v1.Health/Check")
        check(check_health(b"", timeout=10) == b"\x08\x01", "health Check without a token: SERVING")


def check_tls(store, workdir, articles):
    """A query server with a certificate: TLS clients that trust it are served, plaintext ones are not."""
    certificate, key = workdir / "tls.crt", workdir / "tls.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(certificate),
         "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
        check=True, capture_output=True,
    )
    process, address = start("query-tls", [
        "akhbar-enricher", "serve-query", *store, "--port", "0",
        "--tls-cert", str(certificate), "--tls-key", str(key),
    ], workdir)
    try:
        port = address.rsplit(":", 1)[1]
        trusted = grpc.ssl_channel_credentials(root_certificates=certificate.read_bytes())
        with grpc.secure_channel(f"localhost:{port}", trusted) as channel:
            stats = query_service_pb2_grpc.ArticleQueryStub(channel).Stats(
                query_pb2.StatsRequest(), metadata=authorized(), timeout=10)
            check(stats.article_count == articles, "TLS: Stats over TLS with the server's certificate trusted")
        with grpc.insecure_channel(f"localhost:{port}") as channel:
            try:
                query_service_pb2_grpc.ArticleQueryStub(channel).Stats(query_pb2.StatsRequest(), timeout=10)
                check(False, "TLS: a plaintext client is not served")
            except grpc.RpcError as error:
                check(error.code() == grpc.StatusCode.UNAVAILABLE, "TLS: a plaintext client gets UNAVAILABLE")
    finally:
        stop([process])


def main():
    topic = f"python-round-trip-{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory() as directory:
        workdir = pathlib.Path(directory)
        database = str(workdir / "store.sqlite")
        store = ["--store", POSTGRES_STORE] if POSTGRES_STORE else ["--db", database]
        print(f"store: {POSTGRES_STORE or 'SQLite'}")
        processes = []
        metrics_ports = {"akhbar-ingest serve": free_port(), "akhbar-enricher run": free_port(),
                         "akhbar-enricher serve-query": free_port()}
        try:
            ingest_process, ingest_address = start("ingest", [
                "akhbar-ingest", "serve", "--brokers", BROKERS, "--topic", topic, "--create-topic", "--partitions", "2",
                "--port", "0", "--max-message-bytes", str(64 * 1024), "--max-article-bytes", str(16 * 1024),
                "--metrics-port", str(metrics_ports["akhbar-ingest serve"]),
            ], workdir)
            processes.append(ingest_process)
            enricher, _ = start("enricher", [
                "akhbar-enricher", "run", "--brokers", BROKERS, "--topic", topic, "--group", topic, *store,
                "--metrics-port", str(metrics_ports["akhbar-enricher run"]),
            ], workdir)
            processes.append(enricher)
            if not POSTGRES_STORE:
                # serve-query refuses a database that does not exist; the enricher creates it as it starts.
                wait_for_file(database, enricher)
            query_process, query_address = start("query", [
                "akhbar-enricher", "serve-query", *store, "--port", "0",
                "--metrics-port", str(metrics_ports["akhbar-enricher serve-query"]),
            ], workdir)
            processes.append(query_process)

            with grpc.insecure_channel(ingest_address) as ingest_channel, \
                    grpc.insecure_channel(query_address) as query_channel:
                ingest = ingest_service_pb2_grpc.IngestServiceStub(ingest_channel)
                query = query_service_pb2_grpc.ArticleQueryStub(query_channel)
                print(f"publishing {len(SEEDS)} seeds to {topic} through {ingest_address}")
                publish_seeds(ingest)
                print("reading the topic with confluent-kafka")
                ids = {article.id for article in read_topic(topic)}
                check(len(ids) == 5, "Kafka: 6 messages, 5 distinct articles (PublishOne repeated one)")
                print(f"waiting for the enricher; querying through {query_address}")
                stats = wait_until_stored(query, 5)
                check(stats.article_count == 5 and stats.entity_count > 0,
                      f"Stats: {stats.article_count} articles, {stats.entity_count} entities")
                read_back(query, ids)
                check_json_article(topic, ingest, query)
                check_limits(ingest, query, ingest_address)
                check_metrics(metrics_ports)
            check_tls(store, workdir, articles=7)
        except Exception:
            for log in sorted(workdir.glob("*.log")):
                print(f"--- {log.name}\n{log.read_text()[-4000:]}", file=sys.stderr)
            raise
        finally:
            stop(processes)
    print("python round trip: all checks passed")


if __name__ == "__main__":
    main()
