import Testing
import Foundation
@testable import GestimumEmulator

@Suite struct DataSnapJSONWriterTests {
    private func wire(_ value: JSONValue) -> String { DataSnapJSONWriter.string(value) }

    @Test func compactWithKeyOrderKept() {
        let value: JSONValue = .object([
            ("z", .number("1")), ("a", .array([.bool(true), .bool(false), .null])), ("m", .object([])), ("b", .array([])),
        ])
        #expect(wire(value) == #"{"z":1,"a":[true,false,null],"m":{},"b":[]}"#)
    }

    @Test func numbersAreWrittenAsKept() {
        #expect(wire(.array([.number("1.0"), .number("-2e5")])) == "[1.0,-2e5]")
    }

    @Test func quoteBackslashAndSlashAreEscaped() {
        #expect(wire(.string(#"a"b\c/d"#)) == #""a\"b\\c\/d""#)
        #expect(wire(.string(#"C:\ProgramData\Gestimum\DEMO.Gestimum"#)) == #""C:\\ProgramData\\Gestimum\\DEMO.Gestimum""#)
        #expect(wire(.string("13/09/2019")) == #""13\/09\/2019""#)
    }

    @Test func nonASCIIIsUppercaseHexEscape() {
        #expect(wire(.string("succès")) == #""succ\u00E8s""#)
        #expect(wire(.string("échec")) == #""\u00E9chec""#)
        #expect(wire(.string("€ ÿ")) == #""\u20AC \u00FF""#)
        #expect(wire(.string("\u{00A0}")) == #""\u00A0""#)
        #expect(wire(.string("\u{0080}")) == #""\u0080""#)
    }

    @Test func keysAreEscapedToo() {
        #expect(wire(.object([("nombre_lignes_importées", .string("3"))])) == #"{"nombre_lignes_import\u00E9es":"3"}"#)
    }

    @Test func controlCharactersAreUnicodeEscapesWithoutShorthand() {
        #expect(wire(.string("a\nb")) == #""a\u000Ab""#)
        #expect(wire(.string("\r\n\t")) == #""\u000D\u000A\u0009""#)
        #expect(wire(.string("\u{00}\u{08}\u{0C}\u{1F}")) == #""\u0000\u0008\u000C\u001F""#)
        #expect(wire(.string("\u{7F}")) == #""\u007F""#)
    }

    @Test func printableASCIIIsLiteral() {
        let printable = String((0x20..<0x7F).compactMap { Unicode.Scalar($0).map(Character.init) })
        let expected = printable.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "/", with: "\\/")
        #expect(wire(.string(printable)) == "\"" + expected + "\"")
    }

    @Test func beyondBMPIsSurrogatePair() {
        #expect(wire(.string("😀")) == #""\uD83D\uDE00""#)
        #expect(wire(.string("a𝄞b")) == #""a\uD834\uDD1Eb""#)
    }

    @Test func combiningSequenceIsOneEscapePerUnit() {
        #expect(wire(.string("e\u{0301}")) == #""e\u0301""#)
    }

    @Test func outputIsASCIIOnly() {
        let bytes = DataSnapJSONWriter.bytes(.object([("clé", .string("société 😀 \u{7F}\n"))]))
        #expect(bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F })
    }

    @Test func wireOutputParsesBackToTheSameValue() throws {
        let value: JSONValue = .object([
            ("résultat", .string("succès/échec \"😀\" \\ \n\u{7F}")), ("n", .array([.number("3"), .null])),
        ])
        #expect(try JSONParser.parse(DataSnapJSONWriter.bytes(value)) == value)
    }

    @Test func importResponseHasGestimumShapeAndOrder() {
        let body = ImportResponse.body(
            for: .completed(journal: ["j"], imported: 3, rejected: 0), journal: true, statistics: true)
        #expect(wire(body) == #"{"result":[{"resultat":"succ\u00E8s","message":"termin\u00E9","journal":["j"],"statistiques":{"nombre_lignes_import\u00E9es":"3","nombre_lignes_non_import\u00E9es":"0"}}]}"#)
    }

    @Test func journalAndStatisticsOnlyWhenAsked() {
        let outcome = ImportOutcome.completed(journal: ["j"], imported: 1, rejected: 2)
        #expect(wire(ImportResponse.body(for: outcome, journal: false, statistics: false))
            == #"{"result":[{"resultat":"succ\u00E8s","message":"termin\u00E9"}]}"#)
        #expect(wire(ImportResponse.body(for: outcome, journal: false, statistics: true))
            == #"{"result":[{"resultat":"succ\u00E8s","message":"termin\u00E9","statistiques":{"nombre_lignes_import\u00E9es":"1","nombre_lignes_non_import\u00E9es":"2"}}]}"#)
        #expect(wire(ImportResponse.body(for: outcome, journal: true, statistics: false))
            == #"{"result":[{"resultat":"succ\u00E8s","message":"termin\u00E9","journal":["j"]}]}"#)
    }

    @Test func failuresHaveNoStatistics() {
        let failure = ImportOutcome.taskFailure(message: "m", journal: ["j"])
        #expect(wire(ImportResponse.body(for: failure, journal: true, statistics: true))
            == #"{"result":[{"resultat":"\u00E9chec","message":"m","journal":["j"]}]}"#)
        #expect(wire(ImportResponse.body(for: .requestError("r"), journal: true, statistics: true))
            == #"{"result":[{"resultat":"\u00E9chec","message":"r"}]}"#)
    }
}
