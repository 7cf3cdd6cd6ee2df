import ArticleModel

extension RawArticle {
    /// Checks the invariants of a raw article that the wire schema requires: the field rules every entry shares
    /// (``ArticleFieldRules``). Encoding and decoding both run it, so whatever a producer can encode, every
    /// consumer can decode.
    ///
    /// Timestamps are checked where they are converted, in the mapping.
    func checkInvariants() throws(CodecError) {
        if let violation = fieldViolation() {
            throw CodecError(
                code: .invalidArticle,
                message: "RawArticle \(ArticleFieldRules.quoted(id)): \(violation)."
            )
        }
    }
}
