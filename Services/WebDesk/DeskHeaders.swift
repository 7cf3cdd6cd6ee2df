import Foundation
import HTTPTypes
import Hummingbird

/// Headers on every response: a Content-Security-Policy that lets a page load only the desk's own stylesheet,
/// script, font and images (no inline script, no other origin, no framing), the other usual protections, and the
/// time the server spent (`Server-Timing: app;dur=MS`), which the page benchmark reads.
struct DeskHeaders<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let started = ContinuousClock.now
        var response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.crossOriginOpenerPolicy] = "same-origin"
        response.headers[.serverTiming] = "app;dur=" + String(format: "%.2f", milliseconds)
        return response
    }
}

extension HTTPField.Name {
    // Names HTTPTypes does not define.
    static var referrerPolicy: Self { Self("Referrer-Policy")! }
    static var xFrameOptions: Self { Self("X-Frame-Options")! }
    static var crossOriginOpenerPolicy: Self { Self("Cross-Origin-Opener-Policy")! }
    static var serverTiming: Self { Self("Server-Timing")! }
}
