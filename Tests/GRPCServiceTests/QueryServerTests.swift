import ArticleCodec
import ArticleModel
import EnricherCore
import Foundation
import GRPCCore
import GRPCHosting
import GRPCNIOTransportHTTP2
import SQLiteStore
import ServiceContracts
import StorePort
import SwiftProtobuf
import Testing

/// ArticleQuery over a real HTTP/2 server on loopback and a real SQLite file.
@Suite("ArticleQuery over gRPC")
struct QueryServerTests {
    private static let token = "test-token"
    private static let authorized: Metadata = ["authorization": "Bearer \(token)"]

    private static func article(_ id: String, _ body: String, entities: [Entity] = []) -> EnrichedArticle {
        EnrichedArticle(
            articleID: id, source: "test", publishedAt: Date(timeIntervalSince1970: 1_750_000_000), title: id,
            body: body, entities: entities, enrichmentVersion: "v1",
            enrichedAt: Date(timeIntervalSince1970: 1_750_000_100))
    }

    /// Runs `body` with a client of a server over a store holding a few articles.
    private func withQueryServer(
        maxRequestBytes: Int = GRPCServerConfiguration.defaultMaxRequestBytes,
        _ body: (Akhbar_V1_ArticleQuery.Client<HTTP2ClientTransport.Posix>, GRPCClient<HTTP2ClientTransport.Posix>)
            async throws -> Void
    ) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-grpc-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteArticleStore(path: path)
        let hammouchi = Entity(
            id: "PERSON:عبد لطيف حموشي", type: .person, canonical: "عبد اللطيف حموشي",
            mentions: [
                EntityMention(text: "عبد اللطيف حموشي", start: 4, end: 20),
                EntityMention(text: "حموشي", start: 41, end: 46),
            ])
        try await store.save(
            [
                Self.article(
                    "full", "زار عبد اللطيف حموشي مقر الإنتربول، وقال حموشي إن التعاون مستمر.", entities: [hammouchi]),
                Self.article("short", "التقى حموشي بنظيره في الرباط."),
                Self.article("vienna", "وصل الوفد لفيينا ثم عاد بفيينا إلى مكتبه."),
                Self.article("other", "اجتماع في باريس حول الأمن."),
            ].map(IndexedArticle.init))
        let configuration = GRPCServerConfiguration(
            port: 0, token: try BearerToken(Self.token), maxRequestBytes: maxRequestBytes)
        let server = GRPCServerService(configuration: configuration, services: [ArticleQueryRPCService(store: store)])
        try await server.whileServing { port in
            try await withGRPCClient(
                transport: try .http2NIOPosix(
                    target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext)
            ) { client in
                try await body(Akhbar_V1_ArticleQuery.Client(wrapping: client), client)
            }
        }
    }

    private func code(_ call: () async throws -> Void) async -> RPCError.Code? {
        do {
            try await call()
            return nil
        } catch let error as RPCError {
            return error.code
        } catch {
            return .unknown
        }
    }

    @Test("search over gRPC: الحموشي finds حموشي and عبد اللطيف حموشي; فيينا finds لفيينا and بفيينا")
    func search() async throws {
        try await withQueryServer { query, _ in
            func found(_ text: String) async throws -> Set<String> {
                Set(
                    try await query.searchArticles(.with { $0.query = text }, metadata: Self.authorized).articles
                        .map(\.articleID))
            }
            #expect(try await found("الحموشي") == ["full", "short"])
            #expect(try await found("فيينا") == ["vienna"])
            let article = try await query.getArticle(.with { $0.articleID = "full" }, metadata: Self.authorized).article
            #expect(article.entities.map(\.canonical) == ["عبد اللطيف حموشي"])
        }
    }

    @Test("FindEntities: الحموشي, حموشي and the full name find the person; a name without letters is refused")
    func findEntities() async throws {
        try await withQueryServer { query, _ in
            for name in ["الحموشي", "حموشي", "عبد اللطيف حموشي"] {
                let found = try await query.findEntities(.with { $0.name = name }, metadata: Self.authorized)
                #expect(found.entities.map(\.id) == ["PERSON:عبد لطيف حموشي"], "\(name)")
            }
            let none = try await query.findEntities(.with { $0.name = "باريس" }, metadata: Self.authorized)
            #expect(none.entities.isEmpty)
            #expect(
                await code {
                    _ = try await query.findEntities(.with { $0.name = "«»" }, metadata: Self.authorized)
                } == .invalidArgument)
        }
    }

    @Test("without the right token every call is UNAUTHENTICATED; the health service answers anyway")
    func token() async throws {
        try await withQueryServer { query, client in
            #expect(await code { _ = try await query.stats(.init()) } == .unauthenticated)
            #expect(
                await code { _ = try await query.stats(.init(), metadata: ["authorization": "Bearer nope"]) }
                    == .unauthenticated)
            #expect(
                await code { _ = try await query.stats(.init(), metadata: ["authorization": "\(Self.token)"]) }
                    == .unauthenticated)
            let stats = try await query.stats(.init(), metadata: Self.authorized)
            #expect(stats.articleCount == 4)
            let health = Grpc_Health_V1_Health.Client(wrapping: client)
            let server = try await health.check(.init())
            let queries = try await health.check(.with { $0.service = "akhbar.v1.ArticleQuery" })
            #expect(server.status == .serving && queries.status == .serving)
            #expect(await code { _ = try await health.check(.with { $0.service = "nope" }) } == .notFound)
        }
    }

    @Test("bad requests get clear statuses: oversize, too long, bad page token, negative page size, unknown ids")
    func badRequests() async throws {
        try await withQueryServer(maxRequestBytes: 4_096) { query, _ in
            let huge = String(repeating: "خبر ", count: 2_000)
            #expect(
                await code { _ = try await query.searchArticles(.with { $0.query = huge }, metadata: Self.authorized) }
                    == .resourceExhausted)
            let long = String(repeating: "ا", count: 1_001)
            #expect(
                await code { _ = try await query.searchArticles(.with { $0.query = long }, metadata: Self.authorized) }
                    == .invalidArgument)
            #expect(
                await code {
                    _ = try await query.searchArticles(.with { $0.pageToken = "garbage" }, metadata: Self.authorized)
                } == .invalidArgument)
            #expect(
                await code { _ = try await query.listEntities(.with { $0.pageSize = -1 }, metadata: Self.authorized) }
                    == .invalidArgument)
            #expect(
                await code {
                    _ = try await query.getArticle(.with { $0.articleID = "nope" }, metadata: Self.authorized)
                }
                    == .notFound)
            #expect(
                await code {
                    _ = try await query.coOccurrences(
                        .with { $0.entityID = "PERSON:nobody" }, metadata: Self.authorized)
                } == .notFound)
            // The server is still serving after all of that.
            let stats = try await query.stats(.init(), metadata: Self.authorized)
            #expect(stats.articleCount == 4)
        }
    }

    @Test("a 3 MB id gets INVALID_ARGUMENT whose message quotes a short prefix, not the whole id")
    func hugeIDIsNotEchoed() async throws {
        try await withQueryServer { query, _ in
            let huge = String(repeating: "x", count: 3_000_000)
            for request in [Akhbar_V1_GetArticleRequest.with { $0.articleID = huge }] {
                do {
                    _ = try await query.getArticle(request, metadata: Self.authorized)
                    Issue.record("a 3 MB id was answered")
                } catch let error as RPCError {
                    #expect(error.code == .invalidArgument)
                    #expect(error.message.utf8.count < 300, "\(error.message.utf8.count) bytes")
                }
            }
            do {
                _ = try await query.coOccurrences(
                    .with { $0.entityID = "PERSON:" + String(repeating: "y", count: 100_000) },
                    metadata: Self.authorized)
                Issue.record("an unknown entity was answered")
            } catch let error as RPCError {
                #expect(error.code == .notFound && error.message.utf8.count < 300, "\(error.message.utf8.count) bytes")
            }
        }
    }

    @Test("a port in use is reported with the address, not as a stopped server")
    func portInUse() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("akhbar-grpc-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteArticleStore(path: path)
        let first = GRPCServerService(
            configuration: GRPCServerConfiguration(port: 0), services: [ArticleQueryRPCService(store: store)])
        try await first.whileServing { port in
            let second = GRPCServerService(
                configuration: GRPCServerConfiguration(port: port), services: [ArticleQueryRPCService(store: store)],
                onListening: { _ in Issue.record("a second server listened on a port in use") })
            do {
                try await second.run()
                Issue.record("the second server ran")
            } catch {
                #expect("\(error)".contains("cannot serve on 127.0.0.1:\(port)"), "\(error)")
            }
        }
    }
}
