using System.Text.RegularExpressions;
using LicensingPortal.Rules.Facts;
using RulesEngine.Models;

namespace LicensingPortal.Benchmarks;

/// <summary>
/// The Kupang requirements written for Microsoft RulesEngine 6.0.1 as lambda-expression strings over the same
/// facts (the same FactContext, with the same derived facts). RulesEngine has no "not applicable", so a
/// requirement's applicability becomes an implication in its expression.
/// </summary>
public static class MicrosoftRulesEngine
{
    public const string Workflow = "kupang";

    private const string Individual = "input1.Input.OwnerKind == \"individual\"";

    public static readonly (string Id, string Expression)[] Rules =
    [
        ("BANGUNAN-LUAS-TANAH", "!(input1.Input.BuildingAreaM2 > 0) || input1.Input.LandAreaM2 > 0"),
        ("BANGUNAN-PBG", "!(input1.Input.BuildingAreaM2 > 0) || Regex.IsMatch(input1.BuildingApprovalNumber, \"^[A-Za-z0-9./-]{6,}$\")"),
        ("DOKUMEN-AKTA", "input1.Input.OwnerKind != \"entity\" || input1.Input.DocumentKinds.Contains(\"akta-pendirian\")"),
        ("DOKUMEN-AMDAL", "input1.RequiredEnvironmentalDocument != \"AMDAL\" || input1.Input.DocumentKinds.Contains(\"amdal\")"),
        ("DOKUMEN-KTP", $"!({Individual}) || input1.Input.DocumentKinds.Contains(\"ktp\")"),
        ("DOKUMEN-UKL-UPL", "input1.RequiredEnvironmentalDocument != \"UKL-UPL\" || input1.Input.DocumentKinds.Contains(\"ukl-upl\")"),
        ("IDENTITAS-NIK-FORMAT", $"!({Individual}) || Regex.IsMatch(input1.Nik, \"^[0-9]{{16}}$\")"),
        ("IDENTITAS-NIK-NOMOR-URUT", $"!({Individual}) || !input1.Nik.EndsWith(\"0000\")"),
        ("IDENTITAS-NIK-TANGGAL-LAHIR", $"!({Individual}) || Regex.IsMatch(input1.Nik, \"^[0-9]{{6}}(0[1-9]|[12][0-9]|3[01]|4[1-9]|[56][0-9]|7[01])(0[1-9]|1[0-2])[0-9]{{6}}$\")"),
        ("IDENTITAS-NIK-WILAYAH", $"!({Individual}) || Regex.IsMatch(input1.Nik, \"^(1[1-9]|21|3[1-6]|5[1-3]|6[1-5]|7[1-6]|8[1-2]|9[1-7])\")"),
        ("IDENTITAS-NPWP-BADAN", "input1.Input.OwnerKind != \"entity\" || Regex.IsMatch(input1.Npwp, \"^([0-9]{15}|[0-9]{16})$\")"),
        ("IDENTITAS-NPWP-PERORANGAN", $"!({Individual} && input1.Npwp != \"\") || Regex.IsMatch(input1.Npwp, \"^([0-9]{{15}}|[0-9]{{16}})$\")"),
        ("IDENTITAS-NPWP-SAMA-NIK", $"!({Individual} && Regex.IsMatch(input1.Npwp, \"^[0-9]{{16}}$\")) || input1.Npwp == input1.Nik"),
        ("INVESTASI-MODAL-USAHA", "input1.CapitalExcludingLandAndBuildings > 0"),
        ("KBLI-TERDAFTAR", "input1.UnknownKbli.Count == 0"),
        ("KEGIATAN-TANGGAL-MULAI", "input1.Input.PlannedStartDate >= input1.Input.SubmissionDate"),
        ("KEGIATAN-TANGGAL-MULAI-WAJAR", "input1.Input.PlannedStartDate <= input1.Input.SubmissionDate.AddYears(1)"),
        ("LINGKUNGAN-DOKUMEN", "input1.RiskLevel == \"\" || input1.EnvironmentalDocument == input1.RequiredEnvironmentalDocument"),
        ("LOKASI-KELURAHAN-KUPANG", "input1.Kelurahan != null"),
        ("LOKASI-KESESUAIAN-RUANG", "input1.Kelurahan == null || input1.KbliNotPermittedInZone.Count == 0"),
        ("LOKASI-KOORDINAT-DALAM-KOTA", "!input1.HasCoordinates || (input1.Input.Latitude.Value >= -10.30m && input1.Input.Latitude.Value <= -10.08m && input1.Input.Longitude.Value >= 123.50m && input1.Input.Longitude.Value <= 123.72m)"),
        ("LOKASI-KOORDINAT-WAJIB", "!(input1.RiskLevel == \"menengah-tinggi\" || input1.RiskLevel == \"tinggi\") || input1.HasCoordinates"),
        ("LOKASI-POLIGON", "!(input1.ScaleName == \"menengah\" || input1.ScaleName == \"besar\") || input1.Input.PolygonPoints >= 3"),
        ("PB-UMKU-NIB", "input1.Input.PermitType != \"PB-UMKU\" || input1.Input.HasNib"),
        ("PB-UMKU-SLHS-HIGIENE", "!input1.RequiredPermits.Contains(\"PB-UMKU-SLHS\") || input1.Input.Declarations.Contains(\"higiene-sanitasi\")"),
        ("PB-UMKU-SPPIRT-SKALA", "!input1.RequiredPermits.Contains(\"PB-UMKU-SPPIRT\") || input1.ScaleName == \"mikro\" || input1.ScaleName == \"kecil\""),
        ("PERNYATAAN-KEBENARAN-DATA", "input1.Input.Declarations.Contains(\"kebenaran-data\")"),
        ("PERNYATAAN-KOMITMEN-IZIN", "!input1.RequiredPermits.Contains(\"IZIN\") || input1.Input.Declarations.Contains(\"komitmen-izin\")"),
        ("PERNYATAAN-SERTIFIKAT-STANDAR", "!input1.RequiredPermits.Contains(\"SS-PM\") || input1.Input.Declarations.Contains(\"pemenuhan-standar\")"),
        ("PERNYATAAN-VERIFIKASI-STANDAR", "!input1.RequiredPermits.Contains(\"SS-TV\") || input1.Input.Declarations.Contains(\"komitmen-verifikasi-standar\")"),
        ("PMA-BENTUK-PT", "input1.Input.InvestmentType != \"PMA\" || input1.Input.LegalForm == \"pt\""),
        ("PMA-NILAI-INVESTASI", "input1.Input.InvestmentType != \"PMA\" || input1.CapitalPerKbli > 10000000000"),
        ("TENAGA-KERJA-DIISI", "input1.Input.Employees >= 1"),
        ("ZONA-PERUMAHAN-SKALA-USAHA", "input1.Zone != \"perumahan\" || input1.ScaleName == \"mikro\" || input1.ScaleName == \"kecil\""),
    ];

    public static RulesEngine.RulesEngine Create()
    {
        var workflow = new Workflow
        {
            WorkflowName = Workflow,
            Rules = Rules.Select(r => new Rule { RuleName = r.Id, Expression = r.Expression, RuleExpressionType = RuleExpressionType.LambdaExpression }).ToList(),
        };
        return new RulesEngine.RulesEngine([workflow], new ReSettings { CustomTypes = [typeof(Regex), typeof(DateOnly), typeof(IReadOnlySet<string>), typeof(FactContext), typeof(ApplicationFacts)] });
    }
}
