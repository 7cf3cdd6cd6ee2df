import ArgumentParser
import ArticleCodec
import ArticleModel
import BenchmarkSupport
import EnricherCore
import Foundation
import GRPCCore
import GRPCHosting
import GRPCNIOTransportHTTP2
import IngestCore
import Kafka
import Logging
import PostgresStore
import SQLiteStore
import ServiceCommandLine
import ServiceContracts
import StorePort
import SwiftProtobuf

/// Prints the latency of ArticleQuery calls on a large store and the throughput of
/// IngestService.Publish, both through real gRPC servers on loopback, as clients see them.
@main
struct GRPCBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "akhbar-grpc-benchmark",
        abstract: "Measure SearchArticles and EntityArticles p50/p99 on a generated store, and Publish articles/s.")

    @Option(help: "Articles in the generated store.")
    var articles = 100_000

    @Option(help: "The store file; kept and reused while it holds exactly --articles articles.")
    var db = ".run/bench-grpc.sqlite"

    @Option(
        help: """
            A PostgreSQL server to measure instead of the SQLite file (postgres://USER@HOST:PORT/DB, password in \
            PGPASSWORD); the store goes in the schema bench_grpc_ARTICLES, kept and reused like the file.
            """)
    var store: String?

    @Option(help: "Timed calls per query case.")
    var calls = 200

    @Option(help: "Bootstrap brokers for the Publish measurement; skipped when not given.")
    var brokers: String?

    @Option(help: "Articles streamed through Publish.")
    var publishArticles = 20_000

    @Flag(help: "Generate the store (or keep it) and stop: for benchmarks of other readers of it.")
    var storeOnly = false

    @Option(help: "The folder of seed pages article bodies are drawn from.")
    var seeds = "Fixtures/seeds"

    @Option(help: "The folder of gazetteers names are drawn from.")
    var gazetteers = "Services/EntityTagging/Resources/Gazetteers"

    func run() async throws {
        let news = try SyntheticNews(
            seeds: try Measurement.seedPages(in: seeds), gazetteers: URL(fileURLWithPath: gazetteers))
        let builder = StoreBuilder(news: news, articles: articles)
        let store =
            if let address = self.store {
                try await builder.build(
                    PostgresArticleStore(
                        configuration: try PostgresStoreConfiguration(
                            address: address + (address.contains("?") ? "&" : "?") + "schema=bench_grpc_\(articles)"),
                        logger: Logger(label: "akhbar.grpc-benchmark")),
                    named: "PostgreSQL schema bench_grpc_\(articles)")
            } else {
                try await builder.build(file: db)
            }
        guard !storeOnly else { return }
        try await QueryLatency(store: store, news: news, calls: calls).run()
        if let brokers {
            try await PublishThroughput(news: news, brokers: brokers, articles: publishArticles).run()
        }
        print("peak resident memory: \((ResidentMemory.peakBytes() ?? 0) / 1_048_576) MB")
    }
}

/// Fills a store with generated articles unless it already holds exactly that many.
struct StoreBuilder {
    let news: SyntheticNews
    let articles: Int

    /// A SQLite file, made again when it holds another number of articles.
    func build(file path: String) async throws -> any ArticleStore {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if try await SQLiteArticleStore(path: path).articleCount() != articles {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        return try await build(SQLiteArticleStore(path: path), named: path)
    }

    /// `store`, filled unless it holds the articles already; it must then be empty.
    func build(_ store: any ArticleStore, named name: String) async throws -> any ArticleStore {
        let present = try await store.articleCount()
        if present == articles {
            print("store: \(name) already holds \(articles) articles")
            return store
        }
        guard present == 0 else {
            throw ValidationError("\(name) holds \(present) articles, not \(articles): empty it first")
        }
        let start = ContinuousClock.now
        for batchStart in stride(from: 0, to: articles, by: 1_000) {
            try await store.save(
                (batchStart..<min(articles, batchStart + 1_000)).map { IndexedArticle(news.article($0)) })
        }
        let seconds = start.duration(to: .now).seconds
        print(
            "store: wrote \(articles) articles in \(String(format: "%.0f", seconds)) s "
                + "(\(Int(Double(articles) / seconds)) articles/s) to \(name)")
        return store
    }
}

/// Latency of query calls, each case timed call by call through a gRPC client on loopback.
struct QueryLatency {
    let store: any ArticleStore
    let news: SyntheticNews
    let calls: Int

    func run() async throws {
        let token = UUID().uuidString
        let configuration = GRPCServerConfiguration(port: 0, token: try BearerToken(token))
        try await GRPCServerService(configuration: configuration, services: [ArticleQueryRPCService(store: store)])
            .whileServing { port in
                try await withLoopbackClient(port: port) { client in
                    let query = Akhbar_V1_ArticleQuery.Client(wrapping: client)
                    let metadata: Metadata = ["authorization": "Bearer \(token)"]
                    try await measure(query, metadata)
                }
            }
    }

    private func measure(_ query: Akhbar_V1_ArticleQuery.Client<HTTP2ClientTransport.Posix>, _ metadata: Metadata)
        async throws
    {
        let top = try await query.listEntities(.with { $0.pageSize = 200 }, metadata: metadata).entities
        let places = top.filter { $0.type == .location }
        let people = try await query.listEntities(
            .with {
                $0.type = .person; $0.pageSize = 200
            }, metadata: metadata
        )
        .entities
        let stats = try await query.stats(.init(), metadata: metadata)
        print(
            "queries: \(stats.articleCount) articles, \(stats.entityCount) entities, \(stats.mentionCount) mentions; "
                + "\(calls) timed calls per case, one at a time, token checked")

        func search(_ text: String, _ configure: (inout Akhbar_V1_SearchArticlesRequest) -> Void = { _ in })
            -> Akhbar_V1_SearchArticlesRequest
        {
            var request = Akhbar_V1_SearchArticlesRequest()
            request.query = text
            configure(&request)
            return request
        }
        let halfYear = (
            from: Date(timeIntervalSince1970: 1_710_000_000), to: Date(timeIntervalSince1970: 1_725_000_000)
        )
        let searches: [(String, Akhbar_V1_SearchArticlesRequest)] = [
            ("common word الأمن", search("الأمن")),
            ("top place \(places[0].canonical)", search(places[0].canonical)),
            ("clitic form ب\(places[1].canonical)", search("ب" + places[1].canonical)),
            ("person \(people[40].canonical)", search(people[40].canonical)),
            ("rare person \(people.last!.canonical)", search(people.last!.canonical)),
            (
                "الأمن + PERSON + half a year + source",
                search("الأمن") {
                    $0.entityType = .person
                    $0.publishedAfter = .init(date: halfYear.from)
                    $0.publishedBefore = .init(date: halfYear.to)
                    $0.source = "هسبريس"
                }
            ),
            ("no text, one source, newest first", search("") { $0.source = "العربية" }),
        ]
        var all: [Duration] = []
        print("SearchArticles (page of 20), newest first")
        for (name, request) in searches {
            var found = 0
            let times = try await time {
                found = try await query.searchArticles(request, metadata: metadata).articles.count
            }
            all += times
            print(Latency.line(name + " (\(found) on page)", times))
        }
        let deep = try await pageTimes(of: searches[0].1, pages: 10) { request in
            let response = try await query.searchArticles(request, metadata: metadata)
            return response.nextPageToken
        }
        all += deep
        print(Latency.line("pages 2-10 of الأمن", deep))
        print("SearchArticles (page of 20), best match first among the \(ArticleSearch.relevanceWindow) newest matches")
        for (name, request) in searches.dropLast() {
            var ranked = request
            ranked.order = .relevance
            let times = try await time { _ = try await query.searchArticles(ranked, metadata: metadata) }
            all += times
            print(Latency.line(name, times))
        }
        print(Latency.line("all SearchArticles calls", all, headline: true))

        all = []
        print("EntityArticles (page of 20, newest first)")
        for entity in [places[0], places[5], people[40], people.last!] {
            let request = Akhbar_V1_EntityArticlesRequest.with { $0.entityID = entity.id }
            let times = try await time { _ = try await query.entityArticles(request, metadata: metadata) }
            all += times
            print(Latency.line("\(entity.canonical) (\(entity.articleCount) articles)", times))
        }
        var pageRequest = Akhbar_V1_EntityArticlesRequest.with { $0.entityID = places[0].id }
        var deepTimes: [Duration] = []
        for _ in 0..<calls {
            let start = ContinuousClock.now
            let response = try await query.entityArticles(pageRequest, metadata: metadata)
            deepTimes.append(start.duration(to: .now))
            pageRequest.pageToken = response.nextPageToken
        }
        all += deepTimes
        print(Latency.line("\(places[0].canonical), \(calls) pages in a row", deepTimes))
        print(Latency.line("all EntityArticles calls", all, headline: true))
    }

    /// Times `calls` calls after a few untimed ones.
    private func time(_ call: () async throws -> Void) async throws -> [Duration] {
        for _ in 0..<5 { try await call() }
        var times: [Duration] = []
        for _ in 0..<calls {
            let start = ContinuousClock.now
            try await call()
            times.append(start.duration(to: .now))
        }
        return times
    }

    /// Times following pages 2…`pages` of a search, `calls` times over.
    private func pageTimes(
        of first: Akhbar_V1_SearchArticlesRequest, pages: Int,
        _ call: (Akhbar_V1_SearchArticlesRequest) async throws -> String
    ) async throws -> [Duration] {
        var times: [Duration] = []
        for _ in 0..<max(1, calls / pages) {
            var request = first
            request.pageToken = try await call(request)
            for _ in 2...pages where !request.pageToken.isEmpty {
                let start = ContinuousClock.now
                request.pageToken = try await call(request)
                times.append(start.duration(to: .now))
            }
        }
        return times
    }
}

/// Throughput of one client stream of articles through IngestService.Publish to a real broker.
struct PublishThroughput {
    let news: SyntheticNews
    let brokers: String
    let articles: Int

    func run() async throws {
        let logger = Logger(label: "akhbar.benchmark")
        let servers = brokers.split(separator: ",").map(String.init)
        let topic = "bench-publish-\(UUID().uuidString.prefix(8))"
        try await KafkaAdmin(configuration: KafkaAdminConfiguration(bootstrapServers: servers), logger: logger)
            .createTopic(name: topic, partitions: 4, replicationFactor: -1, timeout: .seconds(30))
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(bootstrapServers: servers, clientID: "akhbar-benchmark"),
            logger: logger)
        let service = IngestRPCService(
            publisher: ArticlePublisher(producer: producer, topic: topic), maxBodyBytes: 1 << 20)
        // Requests are built before timing: the figure is the server's, not the generator's.
        let requests = (0..<articles).map { index in
            let article = news.article(index)
            return Akhbar_V1_PublishRequest.with {
                $0.article.url = article.url ?? ""
                $0.article.source = article.source ?? ""
                $0.article.body = article.body
            }
        }
        let bytes = requests.reduce(0) { $0 + $1.article.body.utf8.count }
        try await GRPCServerService(configuration: GRPCServerConfiguration(port: 0), services: [service])
            .whileServing { port in
                try await withLoopbackClient(port: port) { client in
                    let ingest = Akhbar_V1_IngestService.Client(wrapping: client)
                    let start = ContinuousClock.now
                    let summary = try await ingest.publish { writer in try await writer.write(contentsOf: requests) }
                    let seconds = start.duration(to: .now).seconds
                    print(
                        "Publish: \(summary.published)/\(summary.received) articles acknowledged by the broker in "
                            + String(
                                format: "%.2f s: %.0f articles/s, %.1f MB/s", seconds, Double(articles) / seconds,
                                Double(bytes) / 1e6 / seconds)
                            + " (one client stream, topic \(topic) with 4 partitions, acks=all)")
                }
            }
        await producer.shutdown(timeout: .seconds(10))
    }
}

/// Runs `body` with a plaintext client of the server on this loopback port.
func withLoopbackClient(port: Int, _ body: (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> Void) async throws {
    try await withGRPCClient(
        transport: try .http2NIOPosix(target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext),
        handleClient: body)
}

/// Percentiles of call times.
enum Latency {
    static func line(_ name: String, _ times: [Duration], headline: Bool = false) -> String {
        let sorted = times.sorted()
        func percentile(_ p: Double) -> String {
            guard !sorted.isEmpty else { return "-" }
            let index = min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)
            return String(format: "%.2f ms", sorted[max(0, index)].seconds * 1_000)
        }
        let figures = "p50 \(percentile(0.5))  p99 \(percentile(0.99))  max \(percentile(1))  (\(sorted.count) calls)"
        return (headline ? "  == " : "  ") + name + ": " + figures
    }
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
