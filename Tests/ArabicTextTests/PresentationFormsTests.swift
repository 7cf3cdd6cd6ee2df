import Foundation
import Testing

@testable import ArabicText

@Suite("PresentationForms")
struct PresentationFormsTests {
    @Test("every presentation form maps to its NFKC form, as Foundation computes it")
    func matchesFoundation() {
        var mismatches: [String] = []
        for value in Array(0xFB50...0xFDFF) + Array(0xFE70...0xFEFC) {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let nfkc = String(scalar).precomposedStringWithCompatibilityMapping
            let expected = nfkc == String(scalar) ? nil : Array(nfkc.unicodeScalars)
            if PresentationForms.expansion(of: scalar) != expected {
                mismatches.append(String(value, radix: 16, uppercase: true))
            }
        }
        #expect(mismatches.isEmpty, "differ from NFKC: \(mismatches.joined(separator: " "))")
    }

    @Test("scalars outside the presentation-form blocks are left alone")
    func otherScalars() {
        for scalar: Unicode.Scalar in ["ا", "a", "\u{FEFF}", "\u{FB4F}", "\u{FE6F}", "😀"] {
            #expect(PresentationForms.expansion(of: scalar) == nil)
        }
    }
}
