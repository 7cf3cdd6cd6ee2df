import EnricherCore
import Testing

@Suite("Terminal text")
struct TerminalTextTests {
    @Test("a field is wrapped in FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE")
    func isolates() {
        let field = TerminalText.isolated("عبد اللطيف حموشي")
        #expect(field.unicodeScalars.first == "\u{2068}" && field.unicodeScalars.last == "\u{2069}")
        #expect(field.dropFirst().dropLast() == "عبد اللطيف حموشي")
    }

    @Test("a column pads to its width and never cuts a longer value")
    func columns() {
        #expect(TerminalText.column("12", width: 6) == "12    ")
        #expect(TerminalText.column("123456789", width: 6) == "123456789 ")
    }
}
