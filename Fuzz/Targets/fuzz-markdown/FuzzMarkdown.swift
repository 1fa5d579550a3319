import FuzzChecks

// Built with `make fuzz` (-DFUZZING, libFuzzer and AddressSanitizer): libFuzzer's driver calls this for each input.
// Built plainly (as `swift build` does): a program that runs the checks on the files it is given.
#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzTarget.markdown.fuzz(data, count)
}
#else
@main enum Replay {
    static func main() { FuzzTarget.markdown.replay(CommandLine.arguments) }
}
#endif
