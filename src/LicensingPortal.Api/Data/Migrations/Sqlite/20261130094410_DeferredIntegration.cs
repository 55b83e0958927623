using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicensingPortal.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeferredIntegration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "checkpoint_at",
                table: "transparency_log_head",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "root_hash",
                table: "transparency_log_head",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "signature",
                table: "transparency_log_head",
                type: "BLOB",
                nullable: true);

            // The log's rows get an insertion id (their old sequence + 1, so the order is kept) and a nullable
            // sequence; entries written before this migration keep their hash format (1: sequence included).
            migrationBuilder.Sql("""
                CREATE TABLE ef_temp_transparency_log (
                    id INTEGER NOT NULL CONSTRAINT pk_transparency_log PRIMARY KEY AUTOINCREMENT,
                    sequence INTEGER NULL,
                    format INTEGER NOT NULL,
                    occurred_at_ms INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    type TEXT NOT NULL,
                    subject_id TEXT NOT NULL,
                    payload_sha256 TEXT NOT NULL,
                    leaf_hash BLOB NOT NULL);
                INSERT INTO ef_temp_transparency_log (id, sequence, format, occurred_at_ms, actor, type, subject_id, payload_sha256, leaf_hash)
                SELECT sequence + 1, sequence, 1, occurred_at_ms, actor, type, subject_id, payload_sha256, leaf_hash FROM transparency_log;
                DROP TABLE transparency_log;
                ALTER TABLE ef_temp_transparency_log RENAME TO transparency_log;
                CREATE INDEX ix_transparency_log_subject_id ON transparency_log (subject_id);
                """);

            migrationBuilder.CreateTable(
                name: "decision_contributions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kecamatan = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    sector = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    permit_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    approved = table.Column<bool>(type: "INTEGER", nullable: false),
                    upper_bound_ms = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_contributions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "requirement_failure_contributions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    requirement_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requirement_failure_contributions", x => x.id);
                });

            migrationBuilder.UpdateData(
                table: "transparency_log_head",
                keyColumn: "id",
                keyValue: 1,
                columns: new[] { "checkpoint_at", "root_hash", "signature" },
                values: new object[] { null, null, null });

            migrationBuilder.CreateIndex(
                name: "ix_transparency_log_id",
                table: "transparency_log",
                column: "id",
                filter: "sequence IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_transparency_log_sequence",
                table: "transparency_log",
                column: "sequence",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "decision_contributions");

            migrationBuilder.DropTable(
                name: "requirement_failure_contributions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_transparency_log",
                table: "transparency_log");

            migrationBuilder.DropIndex(
                name: "ix_transparency_log_id",
                table: "transparency_log");

            migrationBuilder.DropIndex(
                name: "ix_transparency_log_sequence",
                table: "transparency_log");

            migrationBuilder.DropColumn(
                name: "checkpoint_at",
                table: "transparency_log_head");

            migrationBuilder.DropColumn(
                name: "root_hash",
                table: "transparency_log_head");

            migrationBuilder.DropColumn(
                name: "signature",
                table: "transparency_log_head");

            migrationBuilder.DropColumn(
                name: "id",
                table: "transparency_log");

            migrationBuilder.DropColumn(
                name: "format",
                table: "transparency_log");

            migrationBuilder.AlterColumn<long>(
                name: "sequence",
                table: "transparency_log",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "pk_transparency_log",
                table: "transparency_log",
                column: "sequence");
        }
    }
}
