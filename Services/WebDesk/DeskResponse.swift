import Hummingbird

/// The responses the desk sends: HTML pages, and errors as pages that say what went wrong.
enum DeskResponse {
    static func page(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html.markup)))
    }

    static func notFound(_ what: String) -> Response {
        page(PageLayout.notice("غير موجود", what), status: .notFound)
    }

    static func badRequest(_ problem: SearchRequest.Problem) -> Response {
        page(PageLayout.notice("طلب غير صالح", problem.description), status: .badRequest)
    }
}
