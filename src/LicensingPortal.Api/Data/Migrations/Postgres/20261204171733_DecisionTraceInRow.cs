using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicensingPortal.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DecisionTraceInRow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "decisions")
                .Annotation("Npgsql:StorageParameter:toast_tuple_target", 4096);

            // Written as SQL: the provider's script for a column's compression lacks the statement's terminator.
            // Values written from now on use lz4; the decisions already stored keep pglz (only a new value is compressed anew).
            migrationBuilder.Sql("ALTER TABLE decisions ALTER COLUMN trace_json SET COMPRESSION lz4;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "decisions")
                .OldAnnotation("Npgsql:StorageParameter:toast_tuple_target", 4096);

            migrationBuilder.Sql("ALTER TABLE decisions ALTER COLUMN trace_json SET COMPRESSION default;");
        }
    }
}
