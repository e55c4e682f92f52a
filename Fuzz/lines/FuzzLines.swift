import GestimumFuzzing

/// libFuzzer's entry: `lines` checks LineSplitting on every input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    if let failure = LineSplitting.check(input) { FuzzFailure.report("lines", failure) }
    return 0
}

/// libFuzzer's initializer: `GESTIMUM_FUZZ_SEEDS=DIR` writes the seed corpus instead of fuzzing.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    FuzzSeeds.writeIfRequested(for: "lines")
    return 0
}
