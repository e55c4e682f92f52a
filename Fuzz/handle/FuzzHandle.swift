import GestimumEmulator
import GestimumFuzzing

/// One property object for the whole run: the companies are rebuilt only when they have grown.
let property = FuzzFailure.wait { try! await EntryPointProperty(invariants: Invariants.check) }

/// libFuzzer's entry: `handle` checks EntryPointProperty on every input. The
/// invariants are the runner's own (`Invariants.swift` is a link to the
/// harness's file, so this target needs neither AsyncHTTPClient nor NIO).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    if let failure = FuzzFailure.wait({ await property.check(input) }) { FuzzFailure.report("handle", failure) }
    return 0
}

/// libFuzzer's initializer: `GESTIMUM_FUZZ_SEEDS=DIR` writes the seed corpus instead of fuzzing.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    FuzzSeeds.writeIfRequested(for: "handle")
    return 0
}
