/// Phrases of web-page furniture, written as Arabic text and compared as hashes of matching
/// keys, the way ``PageLine`` keeps its words.
///
/// They describe kinds of lines (counters, comment forms, related-article headings), not lines
/// of particular pages.
extension PageCleaner {
    struct Patterns: Sendable {
        /// Headings after which only other stories follow.
        let tailHeadings: [[UInt64]]
        /// Lines that name tags or keywords; they close the article.
        let tagHeadings: [[UInt64]]
        /// "المصدر: X" lines: the article's source; they close the article when after the body.
        let sourceHeadings: [[UInt64]]
        /// Words of view, visit, comment and share counters.
        let counterWords: Set<UInt64>
        /// Phrases of comment forms, share prompts and footers.
        let furniturePhrases: [[UInt64]]
        /// Line openings of image captions.
        let captionOpenings: [[UInt64]]
        /// Openings of advertisement labels.
        let advertisementOpenings: [[UInt64]]
        /// Openings of a trailing "read more" sentence glued to a paragraph.
        let promotionOpenings: [[UInt64]]
        /// "صورة" (picture), which opens "صورة: …" credits.
        let pictureWords: Set<UInt64>
        /// First words of byline lines.
        let bylineWords: Set<UInt64>
        /// Openings of the credit lines a page gives its staff, "رئيس التحرير: X" or "تصوير: X".
        let creditOpenings: [[UInt64]]
        /// Labels of an article's own sections, such as its introduction.
        let sectionLabels: Set<UInt64>

        init(normalizer: ArabicNormalizer) {
            /// Each phrase as the hashes of its words' matching keys.
            func keys(_ phrases: [String]) -> [[UInt64]] {
                phrases.map { PageLine.lines(of: normalizer.matchingKey($0)).first?.words ?? [] }
            }
            tailHeadings = keys([
                "اقرأ أيضا", "إقرأ أيضا", "اقرأ كذلك", "اقرأ المزيد", "شاهد أيضا", "مقالات مشابهة",
                "مقالات ذات صلة", "أخبار ذات صلة", "مواضيع ذات صلة", "مواضيع مشابهة", "مقالات متعلقة",
                "أخبار متعلقة", "ذات صلة", "المزيد من الأخبار", "الأكثر قراءة", "الأكثر مشاهدة",
                "آخر الأخبار", "قد يهمك أيضا", "قد يعجبك أيضا", "read also", "related articles", "related posts",
            ])
            tagHeadings = keys(["كلمات دلالية", "الكلمات الدلالية", "الكلمات المفتاحية", "الوسوم", "وسوم", "tags"])
            sourceHeadings = keys(["المصدر", "مصدر الخبر"])
            let counters = [
                "مشاهدة", "مشاهدات", "زيارة", "زيارات", "تعليق", "تعليقات", "قراءة", "قراءات", "مشاركة", "مشاركات",
                "إعجاب",
            ]
            counterWords = Set(
                keys(counters + counters.map { "ال" + $0 } + ["views", "comments", "shares", "likes", "reads"]).joined()
            )
            furniturePhrases = keys([
                "إضافة تعليق", "أضف تعليق", "أضف تعليقك", "اترك تعليقا", "اترك تعليق", "اترك ردا", "اترك رد",
                "بريدك الإلكتروني", "الحقول الإلزامية", "الحقول المطلوبة", "إرسال التعليق", "نشر التعليق",
                "حفظ اسمي", "لا توجد تعليقات", "كن أول من يعلق", "التعليقات مغلقة", "شارك المقال", "شارك هذا",
                "تابعونا على", "تابعنا على", "اشترك في النشرة", "جميع الحقوق محفوظة", "حقوق النشر",
                "all rights reserved",
            ])
            pictureWords = Set(keys(["صورة", "الصورة"]).joined())
            captionOpenings = keys(["صورة مميزة", "الصورة المميزة", "مصدر الصورة", "حقوق الصورة"])
            advertisementOpenings = keys(["إعلان", "إعلانات", "مساحة إعلانية", "advertisement", "sponsored"])
            promotionOpenings = keys([
                "تعرف على المزيد", "اقرأ المزيد", "للمزيد من", "اقرأ أيضا", "شاهد أيضا", "تابع المزيد",
            ])
            bylineWords = Set(keys(["بقلم", "كتب", "كتبه", "كتبت", "بواسطة", "إعداد", "تحرير"]).joined())
            creditOpenings = keys([
                "رئيس التحرير", "رئيسة التحرير", "مدير التحرير", "مديرة التحرير", "سكرتير التحرير", "مدير النشر",
                "المدير المسؤول", "مدير المكتب", "مراسل", "مراسلة", "تصوير", "ترجمة", "تنسيق", "مراجعة", "تدقيق",
                "متابعة", "تقديم",
            ])
            sectionLabels = Set(
                keys(["مقدمة", "المقدمة", "تمهيد", "خلفية", "الخلفية", "خاتمة", "الخاتمة", "خلاصة", "الخلاصة", "ملخص"])
                    .joined()
            )
        }
    }
}

extension PageCleaner.Patterns {
    /// A line that is page furniture wherever it appears.
    func isFurniture(_ line: PageLine) -> Bool {
        if line.arabicLetters + line.otherLetters == 0 { return true }
        if line.arabicLetters == 0, line.wordCount <= 4, !line.endsSentence { return true }
        if line.digits > 0, line.wordCount <= 8, line.words.contains(where: counterWords.contains) { return true }
        if line.wordCount <= 25, furniturePhrases.contains(where: line.contains(phrase:)) { return true }
        if captionOpenings.contains(where: line.starts(with:)) { return true }
        if line.wordCount <= 20, line.hasLeadingColon, let first = line.words.first, pictureWords.contains(first) {
            return true
        }
        if line.wordCount <= 5, advertisementOpenings.contains(where: line.starts(with:)) { return true }
        return false
    }

    /// A heading after which the page holds other stories.
    func isTailHeading(_ line: PageLine) -> Bool {
        line.wordCount <= 6 && tailHeadings.contains(where: line.starts(with:))
    }

    /// A keywords line.
    func isTagLine(_ line: PageLine) -> Bool {
        line.wordCount <= 15 && line.hasLeadingColon && tagHeadings.contains(where: line.starts(with:))
    }

    /// A "المصدر: X" line that names a source.
    func isSourceLine(_ line: PageLine) -> Bool {
        guard line.wordCount <= 8, line.hasLeadingColon,
            let heading = sourceHeadings.first(where: line.starts(with:))
        else { return false }
        return line.wordCount > heading.count
    }

    /// A line that is only a section label of the article, such as "مقدمة".
    func isSectionHeading(_ line: PageLine) -> Bool {
        line.wordCount == 1 && sectionLabels.contains(line.words[0])
    }

    /// A short line that credits a person by role: a byline opening ("بقلم: …", "كتب …") or a staff credit
    /// ("رئيس التحرير: …", "تصوير: …", after which a colon must follow), with a name after it.
    func isCredit(_ line: PageLine) -> Bool {
        guard isShortNameLine(line) else { return false }
        if opensWithBylineWord(line) { return true }
        guard line.hasLeadingColon, let opening = creditOpenings.first(where: line.starts(with:)) else { return false }
        return line.wordCount > opening.count
    }

    /// A short "source - author" or "بقلم: …" line.
    func isByline(_ line: PageLine) -> Bool {
        guard isShortNameLine(line) else { return false }
        if opensWithBylineWord(line) { return true }
        guard let dashWords = line.wordsBeforeDash else { return false }
        return (1...4).contains(dashWords) && (1...5).contains(line.wordCount - dashWords)
    }

    /// Short enough, and not a sentence, to be a byline or a credit.
    private func isShortNameLine(_ line: PageLine) -> Bool {
        line.wordCount <= 9 && !line.endsSentence
    }

    /// "بقلم …", "كتب: …": a byline word and at least one word after it.
    private func opensWithBylineWord(_ line: PageLine) -> Bool {
        guard let first = line.words.first else { return false }
        return bylineWords.contains(first) && line.wordCount >= 2
    }
}
