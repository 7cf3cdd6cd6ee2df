import Foundation
import GRPCHosting
import Hummingbird

/// The login form of a desk with a token: the reader types the token once, the desk sets the session cookie and
/// goes back to the page asked for.
enum DeskLogin {
    /// The largest login form body read.
    static let maxFormBytes = 8_192

    static func form(next: String, failed: Bool = false) -> Response {
        let message: HTML = failed ? "<p class=\"error\" role=\"alert\">الرمز غير صحيح.</p>" : ""
        let body: HTML = """
            <section class="notice"><h1>الدخول</h1>\(message)
            <form method="post" action="\(DeskAccess<BasicRequestContext>.loginPath)">
            <input type="hidden" name="next" value="\(safeNext(next))">
            <label>رمز الدخول <input type="password" name="token" autocomplete="current-password" required autofocus></label>
            <button type="submit">دخول</button>
            </form></section>
            """
        return DeskResponse.page(PageLayout.page(title: "الدخول", body: body), status: failed ? .unauthorized : .ok)
    }

    static func submit(_ request: Request, token: BearerToken?) async throws -> Response {
        var request = request
        let fields = FormFields.parse(String(buffer: try await request.collectBody(upTo: maxFormBytes)))
        let next = safeNext(fields["next", default: "/"])
        guard let token else { return .redirect(to: next, type: .found) }
        guard let presented = fields["token"], token.matches(presented) else { return form(next: next, failed: true) }
        var response = Response.redirect(to: next, type: .normal)
        let cookie = Cookie(
            name: DeskAccess<BasicRequestContext>.cookieName,
            value: token.derivedValue(for: DeskAccess<BasicRequestContext>.purpose), path: "/", httpOnly: true,
            sameSite: .strict)
        response.setCookie(cookie)
        return response
    }

    /// `next` when it is a path on this desk; "/" otherwise, so that the form cannot send a reader elsewhere.
    static func safeNext(_ next: String) -> String {
        next.hasPrefix("/") && !next.hasPrefix("//") && !next.hasPrefix("/\\") ? next : "/"
    }
}
