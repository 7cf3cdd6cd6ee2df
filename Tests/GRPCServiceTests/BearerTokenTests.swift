import GRPCHosting
import Testing

@Suite("BearerToken")
struct BearerTokenTests {
    @Test("matches only the exact token; surrounding whitespace of the configured one is ignored")
    func matching() throws {
        let token = try BearerToken(" s3cret-token\n")
        #expect(token.matches("s3cret-token"))
        #expect(!token.matches("s3cret-toke"))
        #expect(!token.matches("s3cret-token-and-more"))
        #expect(!token.matches(""))
    }

    @Test("an empty token or an unreadable file is a configuration error, not an open server")
    func refused() {
        #expect(throws: BearerTokenError.empty) { try BearerToken("  \n") }
        #expect(throws: BearerTokenError.unreadable(path: "/nonexistent/token")) {
            try BearerToken(contentsOfFile: "/nonexistent/token")
        }
    }
}
