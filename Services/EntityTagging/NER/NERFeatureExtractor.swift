internal import ArabicText

/// Turns a sentence's tokens into feature ids for the perceptron.
///
/// Each token gets the ids of its observation features: matching key, stems, affixes, shape,
/// the gazetteer phrases over it, and much of the same for its neighbours up to two tokens
/// away, how other corpora tag the word and its neighbours, and what ``WordKnowledge`` knows of
/// them (cluster, dictionary, place names). Tag features are not extracted
/// here: they are the decoder's transition weights.
package struct NERFeatureExtractor: Sendable {
    /// Bump whenever a template changes what it describes; model files record it.
    static let version: UInt16 = 2

    package let lexicon: TaggingLexicon
    package let knowledge: WordKnowledge
    let prior: EntityWordPrior
    private static let neighbourOffsets = [-2, -1, 1, 2]
    /// Short prefixes generalize over many words, long ones tell close clusters apart.
    private static let clusterLengths = [4, 6, 8, 10, 12]
    private static let neighbourClusterLengths = [6, 10]

    package init(lexicon: TaggingLexicon, knowledge: WordKnowledge = .empty, prior: EntityWordPrior = .empty) {
        self.lexicon = lexicon
        self.knowledge = knowledge
        self.prior = prior
    }

    /// Names the data the features read: models trained with other data mean other things.
    package var dataFingerprint: String {
        "\(lexicon.gazetteer.modelFingerprint)+\(knowledge.fingerprint)"
    }

    package func features(of tokens: [String]) -> SentenceFeatures {
        features(describing: describe(tokens))
    }

    /// The features of described tokens (see ``describe(_:)``).
    func features(describing described: [TokenDescription]) -> SentenceFeatures {
        var features = SentenceFeatures(capacity: described.count * 48)
        func token(at index: Int) -> TokenDescription {
            described.indices.contains(index) ? described[index] : .boundary
        }
        // Looked up once per token, not once for each of the five positions that read it.
        let priorCodes = described.map { prior.code(ofStem: $0.stem) }
        let boundaryPriorCode = prior.code(ofStem: TokenDescription.boundary.stem)
        func priorCode(at index: Int) -> UInt8? {
            priorCodes.indices.contains(index) ? priorCodes[index] : boundaryPriorCode
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
            current.forEachGazetteerBit { features.add(FeatureHash.feature(.gazetteer, $0)) }
            addCluster(current.cluster, lengths: Self.clusterLengths, template: .cluster, position: 0, to: &features)
            features.add(FeatureHash.feature(.dictionary, current.dictionary))
            if current.placeBits != 0 { features.add(FeatureHash.feature(.place, UInt64(current.placeBits))) }
            if let code = priorCodes[index] {
                features.add(FeatureHash.feature(.entityPrior, UInt64(code)))
                features.add(
                    FeatureHash.feature(.entityPriorType, UInt64(BIOTag.all[Int(code & 0xf)].type?.ordinal ?? 0)))
            }
            for offset in Self.neighbourOffsets {
                let neighbour = token(at: index + offset)
                let position = UInt64(offset + 2)
                features.add(FeatureHash.feature(.neighbourWord, position, neighbour.word))
                features.add(FeatureHash.feature(.neighbourStem, position, neighbour.stem))
                neighbour.forEachGazetteerBit { features.add(FeatureHash.feature(.neighbourGazetteer, position, $0)) }
                if let code = priorCode(at: index + offset) {
                    features.add(FeatureHash.feature(.neighbourEntityPrior, position, UInt64(code)))
                }
                if neighbour.placeBits != 0 {
                    features.add(FeatureHash.feature(.neighbourPlace, position, UInt64(neighbour.placeBits)))
                }
                addCluster(
                    neighbour.cluster, lengths: Self.neighbourClusterLengths, template: .neighbourCluster,
                    position: position, to: &features)
                guard abs(offset) == 1 else { continue }
                features.add(FeatureHash.feature(.neighbourDictionary, position, neighbour.dictionary))
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

    /// The cluster prefixes of a word, or one feature saying it has no cluster.
    private func addCluster(
        _ cluster: UInt32, lengths: [Int], template: FeatureTemplate, position: UInt64,
        to features: inout SentenceFeatures
    ) {
        guard cluster != 0 else { return features.add(FeatureHash.feature(template, position << 8, 0)) }
        for length in lengths {
            let prefix = WordKnowledge.clusterPrefix(cluster, length: length)
            features.add(FeatureHash.feature(template, position << 8 | UInt64(length), UInt64(prefix)))
        }
    }

    /// Describes every token for the feature templates, analysing the sentence as one paragraph so that gazetteer phrases
    /// can span tokens and the tokenizer's clitic splitting sees the gazetteer words.
    package func describe(_ tokens: [String]) -> [TokenDescription] {
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
        let tokenOfWord = words.map { owner[$0.token.range.lowerBound] }
        var wordsOfToken = [[TaggedWord]](repeating: [], count: tokens.count)
        for (word, token) in zip(words, tokenOfWord) { wordsOfToken[token].append(word) }
        let bits = gazetteerBits(
            tokenCount: tokens.count, tokenOfWord: tokenOfWord,
            matches: words.indices.map { lexicon.matches(at: $0, in: words) })
        var described = tokens.indices.map { index in
            TokenDescription(token: tokens[index], words: wordsOfToken[index], gazetteerBits: bits[index])
        }
        knowledge.annotate(&described)
        return described
    }

    /// Describes an analysed paragraph with one token per word, reusing its gazetteer phrases:
    /// the enricher's path, which must not analyse the text twice.
    func describe(_ context: ParagraphContext) -> [TokenDescription] {
        let words = context.words
        let bits = gazetteerBits(
            tokenCount: words.count, tokenOfWord: Array(words.indices), matches: context.matches)
        var described = words.indices.map { index in
            TokenDescription(token: words[index].key, words: CollectionOfOne(words[index]), gazetteerBits: bits[index])
        }
        knowledge.annotate(&described)
        return described
    }

    /// Two bits per gazetteer kind and token: a phrase of the kind begins at the token, or continues over it. Only the
    /// entries the model was made with count.
    /// - Parameters:
    ///   - tokenOfWord: the token that holds each word.
    ///   - matches: the phrases starting at each word.
    private func gazetteerBits(tokenCount: Int, tokenOfWord: [Int], matches: [[PhraseMatch]]) -> [UInt32] {
        var bits = [UInt32](repeating: 0, count: tokenCount)
        for phrases in matches {
            for match in phrases where lexicon.informsModel(match) {
                let bit = 2 * match.kind.ordinal
                let first = tokenOfWord[match.words.lowerBound]
                for word in match.words {
                    let token = tokenOfWord[word]
                    bits[token] |= 1 << (token == first ? bit : bit + 1)
                }
            }
        }
        return bits
    }
}
