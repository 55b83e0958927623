using BenchmarkDotNet.Attributes;
using LicensingPortal.Api.Infrastructure.Permits;
using QRCoder;

namespace LicensingPortal.Benchmarks;

/// <summary>
/// What reading a permit's QR code back (ADR 0009) adds to making it: QRCoder's code alone against the code the
/// permit prints, for an address ZXing finds at once and for one it misses at first (encoded again larger).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class PermitQrBenchmarks
{
    [Params(
        "https://izin.kupangkota.go.id/api/verify/5371012026001?code=0123456789abcdef0123",
        "https://izin.kupangkota.go.id/api/verify/0358058731007?code=a13c4a209806ba30541b")]
    public string Address { get; set; } = string.Empty;

    [Benchmark(Baseline = true, Description = "QRCoder: smallest code")]
    public bool[,] Smallest() => VerificationQrCode.Modules(Address, QRCodeGenerator.ECCLevel.M);

    [Benchmark(Description = "Printed code: made and read back at 9 sizes")]
    public bool[,] Printed() => VerificationQrCode.Encode(Address);
}
