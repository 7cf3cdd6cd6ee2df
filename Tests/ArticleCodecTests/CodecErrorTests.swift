import ArticleCodec
import Testing

@Suite("CodecError")
struct CodecErrorTests {
    @Test("Equality compares the code only")
    func equality() {
        let a = CodecError(code: .invalidArticle, message: "one", schemaVersion: 1, file: "A.swift", line: 1)
        let b = CodecError(code: .invalidArticle, message: "two", schemaVersion: nil, file: "B.swift", line: 2)
        #expect(a == b)
        #expect(a != CodecError(code: .malformedPayload, message: "one"))
    }

    @Test("Codes are distinct and have stable names")
    func codes() {
        let codes: [CodecError.Code] = [
            .empty, .notAnAkhbarMessage, .unsupportedSchemaVersion, .unexpectedMessageKind, .malformedPayload,
            .invalidArticle,
        ]
        #expect(Set(codes).count == codes.count)
        #expect(
            codes.map(\.description) == [
                "empty", "notAnAkhbarMessage", "unsupportedSchemaVersion", "unexpectedMessageKind", "malformedPayload",
                "invalidArticle",
            ]
        )
    }

    @Test("The description is a sentence followed by code, version and location")
    func description() throws {
        let error = #expect(throws: CodecError.self) { try ArticleCodec.decodeRawArticle([0x41, 0x4B, 0x07, 0x52]) }
        let thrown = try #require(error)
        #expect(thrown.schemaVersion == 7)
        #expect(thrown.file.hasPrefix("ArticleCodec/"))
        #expect(thrown.line > 0)
        #expect(
            thrown.description
                == "The message has schema version 7, but this build reads versions 1 to 1. "
                + "[unsupportedSchemaVersion, schema version 7, at \(thrown.file):\(thrown.line)]"
        )
    }

    @Test("Garbage is described with its first bytes")
    func garbageDescription() {
        let error = #expect(throws: CodecError.self) { try ArticleCodec.decodeRawArticle(Array("[\"id\",1]".utf8)) }
        #expect(error?.message.contains("5B 22 69 64 22 2C 31 5D") == true)
    }

    @Test("An error made without a message still reads as a sentence")
    func emptyMessage() {
        let error = CodecError(code: .empty, file: "X.swift", line: 3)
        #expect(error.description == "Article codec failed. [empty, at X.swift:3]")
    }
}
