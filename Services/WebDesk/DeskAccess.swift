import Foundation
import GRPCHosting
import Hummingbird

/// The bearer token of the query servers, for the desk: a request passes with `Authorization: Bearer <token>`
/// (scripts, exports by curl) or with the session cookie the login form sets (browsers). Without a token set,
/// every request passes.
///
/// The cookie holds a digest of the token, never the token, and is HttpOnly and SameSite=Strict: a page elsewhere
/// can neither read it nor send it along.
struct DeskAccess<Context: RequestContext>: RouterMiddleware {
    static var cookieName: String { "akhbar_desk" }
    /// The only page open without the token.
    static var loginPath: String { "/login" }
    /// The stylesheet, script and font, open without the token so that the login form looks like the desk: they
    /// hold nothing of the store.
    static var assetsPrefix: String { "/assets/" }

    let token: BearerToken?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let token, request.uri.path != Self.loginPath, !request.uri.path.hasPrefix(Self.assetsPrefix) else {
            return try await next(request, context)
        }
        if let header = request.headers[.authorization], header.hasPrefix("Bearer "),
            token.matches(String(header.dropFirst("Bearer ".count)))
        {
            return try await next(request, context)
        }
        if let cookie = request.cookies[Self.cookieName]?.value, token.matchesDerivedValue(cookie, for: Self.purpose) {
            return try await next(request, context)
        }
        // A browser asking for a page goes to the login form; anything else is told why it was refused.
        if request.method == .get, request.headers[.accept]?.contains("text/html") == true {
            return .redirect(
                to: Self.loginPath + "?" + DeskLink.query([("next", request.uri.description)]), type: .found)
        }
        var response = DeskResponse.page(
            PageLayout.notice("مطلوب رمز الدخول", "أرسل الرمز في ترويسة Authorization: Bearer."), status: .unauthorized)
        response.headers[.wwwAuthenticate] = "Bearer realm=\"akhbar\""
        return response
    }

    /// What the session cookie's value is derived for.
    static var purpose: String { "akhbar web desk session" }
}
