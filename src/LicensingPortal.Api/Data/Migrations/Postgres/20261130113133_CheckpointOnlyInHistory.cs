using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicensingPortal.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CheckpointOnlyInHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The head's signed checkpoint moves into the history (the last row is the current checkpoint).
            migrationBuilder.Sql("""
                INSERT INTO transparency_checkpoints (tree_size, root_hash, signed_at, signature)
                SELECT size, root_hash, checkpoint_at, signature FROM transparency_log_head
                WHERE root_hash IS NOT NULL AND signature IS NOT NULL AND checkpoint_at IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM transparency_checkpoints c WHERE c.tree_size = transparency_log_head.size);
                """);

            migrationBuilder.DropColumn(
                name: "checkpoint_at",
                table: "transparency_log_head");

            migrationBuilder.DropColumn(
                name: "root_hash",
                table: "transparency_log_head");

            migrationBuilder.DropColumn(
                name: "signature",
                table: "transparency_log_head");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "checkpoint_at",
                table: "transparency_log_head",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "root_hash",
                table: "transparency_log_head",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "signature",
                table: "transparency_log_head",
                type: "bytea",
                nullable: true);

            migrationBuilder.UpdateData(
                table: "transparency_log_head",
                keyColumn: "id",
                keyValue: 1,
                columns: new[] { "checkpoint_at", "root_hash", "signature" },
                values: new object[] { null, null, null });
        }
    }
}
