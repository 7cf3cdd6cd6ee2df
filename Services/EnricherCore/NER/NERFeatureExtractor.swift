internal import ArabicText

/// Turns a sentence's tokens into feature ids for the perceptron.
///
/// Each token gets the ids of its observation features: matching key, stems, affixes, shape,
/// the gazetteer phrases over it, and much of the same for its neighbours up to two tokens
/// away, and how other corpora tag the word and its neighbours. Tag features are not extracted
/// here: they are the decoder's transition weights.
struct NERFeatureExtractor: Sendable {
    /// Bump whenever a template changes what it describes; model files record it.
    static let version: UInt16 = 1

    let lexicon: TaggingLexicon
    let prior: EntityWordPrior

    init(lexicon: TaggingLexicon, prior: EntityWordPrior = .empty) {
        self.lexicon = lexicon
        self.prior = prior
    }

    func features(of tokens: [String]) -> SentenceFeatures {
        features(describing: describe(tokens))
    }

    /// The features of described tokens (see ``describe(_:)``).
    func features(describing described: [TokenDescription]) -> SentenceFeatures {
        var features = SentenceFeatures(capacity: described.count * 48)
        func token(at index: Int) -> TokenDescription {
            described.indices.contains(index) ? described[index] : .boundary
        }
        for index in described.indices {
            let current = described[index]
            features.add(FeatureHash.feature(.bias, 0))
            features.add(FeatureHash.feature(.word, current.word))
            features.add(FeatureHash.feature(.stem, current.stem))
            features.add(FeatureHash.feature(.bareStem, current.bareStem))
            for prefix in current.prefixes { features.add(FeatureHash.feature(.prefix, prefix)) }
            for suffix in current.suffixes { features.add(FeatureHash.feature(.suffix, suffix)) }
            for prefix in current.stemPrefixes { features.add(FeatureHash.feature(.stemPrefix, prefix)) }
            features.add(FeatureHash.feature(.shape, current.shape))
            features.add(FeatureHash.feature(.clitics, current.clitics))
            for bit in current.gazetteerBits { features.add(FeatureHash.feature(.gazetteer, bit)) }
            if let code = prior.code(ofStem: current.stem) {
                features.add(FeatureHash.feature(.entityPrior, UInt64(code)))
                features.add(
                    FeatureHash.feature(.entityPriorType, UInt64(BIOTag.all[Int(code & 0xf)].type?.ordinal ?? 0)))
            }
            for offset in [-2, -1, 1, 2] {
                let neighbour = token(at: index + offset)
                let position = UInt64(offset + 2)
                features.add(FeatureHash.feature(.neighbourWord, position, neighbour.word))
                features.add(FeatureHash.feature(.neighbourStem, position, neighbour.stem))
                for bit in neighbour.gazetteerBits {
                    features.add(FeatureHash.feature(.neighbourGazetteer, position, bit))
                }
                if let code = prior.code(ofStem: neighbour.stem) {
                    features.add(FeatureHash.feature(.neighbourEntityPrior, position, UInt64(code)))
                }
                guard abs(offset) == 1 else { continue }
                features.add(FeatureHash.feature(.neighbourShape, position, neighbour.shape))
                for suffix in neighbour.suffixes.dropFirst() {
                    features.add(FeatureHash.feature(.neighbourSuffix, position, suffix))
                }
            }
            features.add(FeatureHash.feature(.previousWordBigram, token(at: index - 1).word, current.word))
            features.add(FeatureHash.feature(.nextWordBigram, current.word, token(at: index + 1).word))
            features.endToken()
        }
        return features
    }

    /// Describes every token for the feature templates, analysing the sentence as one paragraph so that gazetteer phrases
    /// can span tokens and the tokenizer's clitic splitting sees the gazetteer words.
    func describe(_ tokens: [String]) -> [TokenDescription] {
        var source: [Unicode.Scalar] = []
        // The token each source scalar belongs to; the spaces between tokens belong to none.
        var owner: [Int] = []
        for (index, token) in tokens.enumerated() {
            if index > 0 {
                source.append(" ")
                owner.append(-1)
            }
            source += token.unicodeScalars
            owner += repeatElement(index, count: token.unicodeScalars.count)
        }
        let analysis = ParagraphAnalysis(source: source[...], tokenizer: lexicon.tokenizer)
        let words = analysis.words
        var wordsOfToken = [[TaggedWord]](repeating: [], count: tokens.count)
        for word in words { wordsOfToken[owner[word.token.range.lowerBound]].append(word) }

        var gazetteerBits = [UInt32](repeating: 0, count: tokens.count)
        for start in words.indices {
            for match in lexicon.matches(at: start, in: words) {
                let bit = 2 * (LexiconKind.allCases.firstIndex(of: match.kind) ?? 0)
                let first = owner[words[match.words.lowerBound].token.range.lowerBound]
                for index in match.words {
                    let token = owner[words[index].token.range.lowerBound]
                    gazetteerBits[token] |= 1 << (token == first ? bit : bit + 1)
                }
            }
        }
        return tokens.indices.map { index in
            TokenDescription(
                token: tokens[index],
                words: wordsOfToken[index],
                gazetteerBits: gazetteerBits[index]
            )
        }
    }
}
