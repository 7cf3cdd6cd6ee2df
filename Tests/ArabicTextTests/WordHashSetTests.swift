import Testing

@testable import ArabicText

@Suite("WordHashSet")
struct WordHashSetTests {
    /// Words spelled from numbers, different for every number: enough of them that probes collide.
    static func words(_ numbers: Range<Int>) -> [String] {
        let letters = Array("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
        return numbers.map { number in
            var value = number
            var word = ""
            repeat {
                word.append(letters[value % letters.count])
                value /= letters.count
            } while value > 0
            return word + "ة"
        }
    }

    @Test("every member is found and no other word is, in a set big enough for probes to collide")
    func membership() {
        let members = Self.words(0..<20_000)
        let set = WordHashSet(members)
        #expect(members.allSatisfy(set.contains))
        #expect(Self.words(20_000..<40_000).allSatisfy { !set.contains($0) })
        #expect(set.lengths == 2...4)
    }

    @Test("an empty set holds nothing, not even the empty word")
    func empty() {
        let set = WordHashSet([String]())
        #expect(!set.contains(""))
        #expect(!set.contains("المغرب"))
    }
}
