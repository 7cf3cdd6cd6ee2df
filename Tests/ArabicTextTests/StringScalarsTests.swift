import Testing

@testable import ArabicText

@Suite("String(scalars:)")
struct StringScalarsTests {
    @Test("scalars of one to four UTF-8 bytes come back as written, from an array and from a slice")
    func roundTrip() {
        let text = "A é ع € ﷲ 𝕏 😀 Rabat الرباط"
        let scalars = Array(text.unicodeScalars)
        #expect(String(scalars: scalars) == text)
        #expect(Array(String(scalars: scalars).utf8) == Array(text.utf8))
        #expect(String(scalars: scalars[2..<5]) == "é ع")
        #expect(String(scalars: [Unicode.Scalar]()).isEmpty)
    }
}
