using LicensingPortal.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace LicensingPortal.Bench;

/// <summary>What the benchmark tools share: copying rows in SQL and finding the repository.</summary>
internal static class BenchDatabase
{
    /// <summary>
    /// Copies the rows of <paramref name="table"/> chosen by <paramref name="from"/> (an SQL FROM … WHERE … whose
    /// source rows are aliased s), every column as it is unless <paramref name="overrides"/> gives an expression.
    /// </summary>
    public static async Task CloneAsync(LicensingDbContext db, string table, string from, params (string Column, string Value)[] overrides)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position";
        var columns = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var values = columns.Select(c => overrides.FirstOrDefault(o => o.Column == c).Value ?? $"s.{c}");
#pragma warning disable EF1002 // the SQL is built from the schema's own column names and the tool's expressions, never from input
        await db.Database.ExecuteSqlRawAsync($"INSERT INTO {table} ({string.Join(", ", columns)}) SELECT {string.Join(", ", values)} {from}");
#pragma warning restore EF1002
    }

    public static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LicensingPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository.");
    }
}
