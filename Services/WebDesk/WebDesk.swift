import EnricherCore
public import GRPCHosting
import Hummingbird
public import Logging
public import StorePort

/// The analysts' web view: read-only pages over the store, served over HTTP by the query side.
///
/// Pages: `/` (overview), `/search`, `/article?id=`, `/entity?id=`, `/export.csv` and `/export.jsonl` (a search's
/// articles, streamed), `/login` when a token is set, `/assets/…`.
public struct WebDesk: Sendable {
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        /// The bearer token every page asks for; nil: none.
        public var token: BearerToken?

        public init(host: String, port: Int, token: BearerToken?) {
            self.host = host
            self.port = port
            self.token = token
        }
    }

    private let pages: DeskPages
    private let assets: DeskAssets
    private let configuration: Configuration

    public init(store: any ArticleStore, configuration: Configuration) throws {
        pages = DeskPages(store: store)
        assets = try DeskAssets()
        self.configuration = configuration
    }

    /// Serves until SIGTERM or SIGINT, then lets running requests finish. `onListening` gets the bound port
    /// (useful when the configuration asked for port 0).
    public func run(logger: Logger, onListening: @escaping @Sendable (Int) -> Void) async throws {
        let application = Application(
            router: router(),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "akhbar-desk"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        try await application.runService()
    }

    func router() -> Router<BasicRequestContext> {
        // HEAD as GET without the body: probes and link checkers use it.
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.add(middleware: DeskHeaders())
        router.add(middleware: DeskAccess(token: configuration.token))
        let (pages, assets, token) = (pages, assets, configuration.token)
        router.get("/") { _, _ in DeskResponse.page(try await pages.overview()) }
        router.get("/search") { request, _ in
            do {
                let search = try SearchRequest(request.queryFields)
                return DeskResponse.page(try await pages.search(search))
            } catch let problem as SearchRequest.Problem {
                return DeskResponse.badRequest(problem)
            }
        }
        router.get("/article") { request, _ in
            let fields = request.queryFields
            guard let page = try await pages.article(id: fields["id", default: ""]) else {
                return DeskResponse.notFound("لا مقالة بهذا المعرّف.")
            }
            return DeskResponse.page(page)
        }
        router.get("/entity") { request, _ in
            let fields = request.queryFields
            let after = fields["after"].flatMap { $0.isEmpty ? nil : PageToken($0) }
            guard let page = try await pages.entity(id: fields["id", default: ""], after: after) else {
                return DeskResponse.notFound("لا كيان بهذا المعرّف في المقالات المخزنة.")
            }
            return DeskResponse.page(page)
        }
        for format in [ArticleExport.Format.csv, .jsonl] {
            router.get("/export.\(format.rawValue)") { request, _ in
                do {
                    let search = try SearchRequest(request.queryFields)
                    return try DeskExport.response(search, format: format, store: pages.store)
                } catch let problem as SearchRequest.Problem {
                    return DeskResponse.badRequest(problem)
                }
            }
        }
        router.get(RouterPath(DeskAccess<BasicRequestContext>.assetsPrefix + ":name")) { _, context in
            assets.response(for: context.parameters.get("name") ?? "")
        }
        router.get(RouterPath(DeskAccess<BasicRequestContext>.loginPath)) { request, _ in
            DeskLogin.form(next: request.queryFields["next", default: "/"])
        }
        router.post(RouterPath(DeskAccess<BasicRequestContext>.loginPath)) { request, _ in
            try await DeskLogin.submit(request, token: token)
        }
        return router
    }
}

extension Request {
    /// The fields of the query string, decoded as a form's.
    fileprivate var queryFields: [String: String] { FormFields.parse(uri.query ?? "") }
}
