using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicensingPortal.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LevyReportEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "evidence_id",
                table: "levy_report_openings",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "levy_report_evidence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    position = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    storage_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_levy_report_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_levy_report_evidence_levy_report_answers_entry_id",
                        column: x => x.entry_id,
                        principalTable: "levy_report_answers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_levy_report_evidence_levy_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "levy_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_levy_report_openings_evidence_id",
                table: "levy_report_openings",
                column: "evidence_id");

            migrationBuilder.CreateIndex(
                name: "ix_levy_report_evidence_entry_id",
                table: "levy_report_evidence",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_levy_report_evidence_report_id_added_at_position",
                table: "levy_report_evidence",
                columns: new[] { "report_id", "added_at", "position" });

            migrationBuilder.AddForeignKey(
                name: "fk_levy_report_openings_levy_report_evidence_evidence_id",
                table: "levy_report_openings",
                column: "evidence_id",
                principalTable: "levy_report_evidence",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_levy_report_openings_levy_report_evidence_evidence_id",
                table: "levy_report_openings");

            migrationBuilder.DropTable(
                name: "levy_report_evidence");

            migrationBuilder.DropIndex(
                name: "ix_levy_report_openings_evidence_id",
                table: "levy_report_openings");

            migrationBuilder.DropColumn(
                name: "evidence_id",
                table: "levy_report_openings");
        }
    }
}
