import Testing
@testable import GestimumEmulator

@Suite struct LineSplitterTests {
    private func split(_ elements: [String], separator: String = ";", delimiter: String? = "\"") -> [SplitLine] {
        LineSplitter(separator: separator, delimiter: delimiter).split(TextLines(elements))
    }

    @Test func plainLinesSplitOnSeparator() {
        #expect(split(["CCT_CODE;CCT_NOM;CCT_ORIGIN", "CONTACT1;Contact1;CLIENT1"]) == [
            .values(["CCT_CODE", "CCT_NOM", "CCT_ORIGIN"]), .values(["CONTACT1", "Contact1", "CLIENT1"]),
        ])
    }

    @Test func emptyValuesAndTrailingSeparatorAreKept() {
        #expect(split(["a;;b;"]) == [.values(["a", "", "b", ""])])
        #expect(split([";"]) == [.values(["", ""])])
    }

    @Test func valuesAreNotTrimmed() {
        #expect(split([" a ; b "]) == [.values([" a ", " b "])])
        #expect(split(["\" a \";b"]) == [.values([" a ", "b"])])
    }

    @Test func whiteSpaceOnlyLineIsARecord() {
        #expect(split([" "]) == [.values([" "])])
    }

    @Test func emptyElementsAreSkipped() {
        #expect(split(["", "a;b", "", "", "c;d", ""]) == [.values(["a", "b"]), .values(["c", "d"])])
        #expect(split(["", ""]) == [])
        #expect(split([]) == [])
    }

    @Test func separatorInsideDelimitersIsLiteral() {
        #expect(split(["\"a;b\";c", "d;\"e;f\""]) == [.values(["a;b", "c"]), .values(["d", "e;f"])])
    }

    @Test func doubledDelimiterIsOneDelimiterCharacter() {
        #expect(split(["\"Le \"\"Grand\"\" Café\";x"]) == [.values(["Le \"Grand\" Café", "x"])])
        #expect(split(["\"\"\"\""]) == [.values(["\""])])
        #expect(split(["\"\";x"]) == [.values(["", "x"])])
    }

    @Test func delimitedValueSpanningElementsJoinsWithCRLF() {
        #expect(split(["A;\"ligne 1", "ligne 2\";B", "C;D"]) == [
            .values(["A", "ligne 1\r\nligne 2", "B"]), .values(["C", "D"]),
        ])
        #expect(split(["\"un", "deux", "trois\""]) == [.values(["un\r\ndeux\r\ntrois"])])
    }

    /// D18: inside an open delimited value an empty element is an empty line of the value.
    @Test func emptyElementInsideDelimitedValueIsPartOfIt() {
        #expect(split(["A;\"x", "", "y\";B"]) == [.values(["A", "x\r\n\r\ny", "B"])])
    }

    @Test func delimiterAtEndOfElementOpensAValueOnTheNextElement() {
        #expect(split(["A;\"", "suite\""]) == [.values(["A", "\r\nsuite"])])
    }

    @Test func unclosedDelimiterAtTheEndRejectsTheRecord() {
        #expect(split(["A;B", "C;\"ouvert", "E;F"]) == [.values(["A", "B"]), .unclosedDelimiter])
        #expect(split(["\"jamais fermé"]) == [.unclosedDelimiter])
        #expect(split(["\"\"\""]) == [.unclosedDelimiter])
    }

    /// D19: delimited only when the delimiter is the value's first character.
    @Test func delimiterInsideUndelimitedValueIsOrdinary() {
        #expect(split(["ab\"cd;e"]) == [.values(["ab\"cd", "e"])])
        #expect(split(["a\";b\""]) == [.values(["a\"", "b\""])])
        #expect(split([" \"a;b\""]) == [.values([" \"a", "b\""])])
    }

    /// D19: text after the closing delimiter is kept literally.
    @Test func textAfterClosingDelimiterIsKept() {
        #expect(split(["\"ab\"cd;e"]) == [.values(["abcd", "e"])])
        #expect(split(["\"a;b\" c\";d"]) == [.values(["a;b c\"", "d"])])
    }

    /// D34: a line break inside an element ends a line there.
    @Test(arguments: ["\r\n", "\n", "\r"])
    func lineBreakInsideElementEndsALine(_ lineBreak: String) {
        #expect(split(["a;b\(lineBreak)c;d"]) == [.values(["a", "b"]), .values(["c", "d"])])
    }

    @Test func consecutiveLineBreaksInsideElementAreEmptyLines() {
        #expect(split(["a\n\n\r\nb\r"]) == [.values(["a"]), .values(["b"])])
        #expect(split(["\n"]) == [])
    }

    @Test func lineBreakInsideDelimitedValueBelongsToIt() {
        #expect(split(["\"x\ny\";z"]) == [.values(["x\ny", "z"])])
        #expect(split(["\"x", "y\nw\";z"]) == [.values(["x\r\ny\nw", "z"])])
    }

    @Test func noDelimiterMeansQuotesAreOrdinary() {
        #expect(split(["\"a;b\"", "c"], delimiter: nil) == [.values(["\"a", "b\""]), .values(["c"])])
    }

    @Test func otherSeparatorAndDelimiter() {
        #expect(split(["a\tb;c\t'd\te'"], separator: "\t", delimiter: "'") == [.values(["a", "b;c", "d\te"])])
        #expect(split(["a|'x''y'|\"z\""], separator: "|", delimiter: "'") == [.values(["a", "x'y", "\"z\""])])
    }

    @Test func multiByteSeparator() {
        #expect(split(["CCT_CODE§CCT_NOM", "Café§Crème§"], separator: "§") == [
            .values(["CCT_CODE", "CCT_NOM"]), .values(["Café", "Crème", ""]),
        ])
        #expect(split(["a;b§c"], separator: "§") == [.values(["a;b", "c"])])
    }

    @Test func multiByteDelimiter() {
        #expect(split(["«a;b«;«c»d«", "«e", "f»"], delimiter: "«") == [
            .values(["a;b", "c»d"]), .unclosedDelimiter,
        ])
        #expect(split(["«a;b«;c"], separator: ";", delimiter: "«") == [.values(["a;b", "c"])])
        #expect(split(["«x««y«"], delimiter: "«") == [.values(["x«y"])])
    }

    @Test func nonASCIIValuesSurvive() {
        #expect(split(["Élodie;Ærø;😀;漢字"]) == [.values(["Élodie", "Ærø", "😀", "漢字"])])
    }
}
