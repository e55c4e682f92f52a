import Testing
@testable import GestimumEmulator

@Suite struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    private func isInvalid(_ bytes: [UInt8]) -> Bool {
        do { _ = try JSONParser.parse(bytes); return false } catch { return true }
    }

    private func isInvalid(_ text: String) -> Bool { isInvalid(Array(text.utf8)) }

    @Test func objectKeepsKeyOrder() throws {
        let value = try parse(#"{"z": 1, "a": "x", "m": null}"#)
        let keys = try #require(value.objectValue).map(\.key)
        #expect(keys == ["z", "a", "m"])
    }

    @Test func scalarsAndContainers() throws {
        let value = try parse(#" [true, false, null, "s", -1.5e+3, 0, {}, []] "#)
        #expect(value == .array([.bool(true), .bool(false), .null, .string("s"), .number("-1.5e+3"), .number("0"), .object([]), .array([])]))
    }

    @Test func numbersKeepTheirText() throws {
        #expect(try parse("1.0") == .number("1.0"))
        #expect(try parse("1") == .number("1"))
        #expect(try parse("1.0") != .number("1"))
        #expect(try parse("-0.25E-2") == .number("-0.25E-2"))
    }

    @Test(arguments: ["01", "1.", ".5", "+1", "1e", "-", "1.e3", "0x10"])
    func malformedNumbersAreInvalid(_ text: String) {
        #expect(isInvalid(text))
    }

    @Test func escapesAreDecoded() throws {
        let value = try parse(#""a\"b\\c\/d\b\f\n\r\t\u00e8\u00E9""#)
        #expect(value == .string("a\"b\\c/d\u{08}\u{0C}\n\r\tèé"))
    }

    @Test func surrogatePairEscapeIsOneScalar() throws {
        #expect(try parse(#""\uD83D\uDE00""#) == .string("😀"))
    }

    @Test(arguments: [#""\uD83D""#, #""\uDE00""#, #""\uD83Dx""#, #""\uD83D\u0041""#, #""\uDE00\uD83D""#])
    func loneSurrogateEscapesAreInvalid(_ text: String) {
        #expect(isInvalid(text))
    }

    @Test func rawUTF8IsKept() throws {
        #expect(try parse(#""société 😀""#) == .string("société 😀"))
    }

    @Test func invalidUTF8IsInvalid() {
        // 0xC3 starts a two-byte sequence that 0x28 does not continue.
        #expect(isInvalid([0x22, 0xC3, 0x28, 0x22]))
        // A lone continuation byte, after an escape (the slow path).
        #expect(isInvalid([0x22, 0x5C, 0x6E, 0x80, 0x22]))
        // An overlong encoding of "/".
        #expect(isInvalid([0x22, 0xC0, 0xAF, 0x22]))
    }

    @Test func rawControlCharacterInStringIsInvalid() {
        #expect(isInvalid("\"a\nb\""))
        #expect(isInvalid("\"a\u{01}b\""))
    }

    @Test(arguments: [#"{"a": 1} x"#, "[1] [2]", "true false", "{} ,", #""a" "b""#])
    func trailingContentIsInvalid(_ text: String) {
        #expect(isInvalid(text))
    }

    @Test func surroundingWhiteSpaceIsAllowed() throws {
        #expect(try parse(" \t\r\n{\"a\": [1 , 2]}\n\r\t ") == ["a": .array([.number("1"), .number("2")])])
    }

    @Test(arguments: ["", " ", "{", "[1,", "[1,]", #"{"a":1,}"#, #"{"a" 1}"#, "{a: 1}", "tru", "nul", #""abc"#, "'a'", #""\x""#, #""\u12G4""#])
    func truncatedOrMalformedIsInvalid(_ text: String) {
        #expect(isInvalid(text))
    }

    @Test func duplicateKeyFirstOccurrenceWins() throws {
        let value = try parse(#"{"k": "first", "k": "second"}"#)
        #expect(value["k"] == .string("first"))
    }

    @Test func nestingOf512LevelsIsAccepted() throws {
        let text = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        var value = try JSONParser.parse(text)
        var depth = 0
        while case let .array(elements) = value {
            depth += 1
            guard let first = elements.first else { break }
            value = first
        }
        #expect(depth == 512)
    }

    /// D7: 512 containers deep is not deeper than 512 levels, whatever the innermost
    /// container holds; 512 empty arrays parse, so 512 arrays around a scalar must too.
    @Test
    func scalarInside512LevelsIsAccepted() throws {
        let array = String(repeating: "[", count: 512) + "1" + String(repeating: "]", count: 512)
        #expect(!isInvalid(array))
        let object = String(repeating: #"{"a":"#, count: 512) + #""v""# + String(repeating: "}", count: 512)
        #expect(!isInvalid(object))
        let emptyObjects = String(repeating: #"{"a":"#, count: 511) + "{}" + String(repeating: "}", count: 511)
        #expect(!isInvalid(emptyObjects))
    }

    @Test func nestingDeeperThan512LevelsIsInvalid() {
        #expect(isInvalid(String(repeating: "[", count: 513) + String(repeating: "]", count: 513)))
        #expect(isInvalid(String(repeating: #"{"a":"#, count: 513) + "1" + String(repeating: "}", count: 513)))
    }

    @Test func deepGarbageDoesNotCrash() {
        #expect(isInvalid(String(repeating: "[", count: 100_000)))
    }
}
