internal import ArabicText

/// A trie over the words of multi-word names, keyed by the FNV-1a hashes of their matching keys
/// (see ``WordHashSet`` for why not strings).
struct PhraseIndex: Sendable {
    private struct Node: Sendable {
        var children: [UInt64: Int] = [:]
        var entries: [Int] = []
    }

    private var nodes = [Node()]

    /// The root, from which a phrase's first word is looked up.
    static let root = 0

    mutating func insert(_ words: [String], entry: Int) {
        var node = Self.root
        for word in words.map(Self.hash) {
            if let next = nodes[node].children[word] {
                node = next
            } else {
                nodes.append(Node())
                nodes[node].children[word] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        if !nodes[node].entries.contains(entry) { nodes[node].entries.append(entry) }
    }

    /// The node reached from `node` by `word`.
    func child(of node: Int, _ word: String) -> Int? {
        child(of: node, hash: Self.hash(word))
    }

    /// The node reached from `node` by the word whose matching key hashes to `hash`.
    func child(of node: Int, hash: UInt64) -> Int? {
        nodes[node].children[hash]
    }

    static func hash(_ word: String) -> UInt64 {
        FNV1a(scalars: word.unicodeScalars).value
    }

    /// The entries whose phrase ends at `node`.
    func entries(at node: Int) -> [Int] {
        nodes[node].entries
    }
}
