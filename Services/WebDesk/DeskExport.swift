import EnricherCore
import Hummingbird
import StorePort

/// The articles of a search as a CSV or JSON Lines download, written page by page as the store returns them, so
/// that memory stays flat however many there are.
enum DeskExport {
    static func response(_ request: SearchRequest, format: ArticleExport.Format, store: any ArticleStore)
        throws(SearchRequest.Problem) -> Response
    {
        var search = try request.search()
        search.order = .newest
        let export = ArticleExport(format: format, includesBody: false)
        let (type, name) =
            switch format {
            case .csv: ("text/csv; charset=utf-8", "akhbar-articles.csv")
            case .jsonl: ("application/jsonl; charset=utf-8", "akhbar-articles.jsonl")
            }
        let body = ResponseBody { [search] writer in
            try await export.write(search, from: store) { line in
                try await writer.write(ByteBuffer(string: line + "\n"))
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: type, .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store",
            ],
            body: body)
    }
}
