using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicensingPortal.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LevyReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "levy_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    follow_up_code_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    waiting_since = table.Column<long>(type: "INTEGER", nullable: false),
                    reporter_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    share_identity = table.Column<bool>(type: "INTEGER", nullable: false),
                    contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    what_happened = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    happened_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    amount_asked = table.Column<long>(type: "INTEGER", nullable: true),
                    paid = table.Column<bool>(type: "INTEGER", nullable: true),
                    application_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_levy_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_levy_reports_asp_net_users_reporter_id",
                        column: x => x.reporter_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "levy_report_answers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    report_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    inspector_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    for_reporter = table.Column<bool>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_levy_report_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_levy_report_answers_levy_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "levy_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "levy_report_openings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    report_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    inspector_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_levy_report_openings", x => x.id);
                    table.ForeignKey(
                        name: "fk_levy_report_openings_levy_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "levy_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_levy_report_answers_report_id_at",
                table: "levy_report_answers",
                columns: new[] { "report_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_levy_report_openings_report_id_at",
                table: "levy_report_openings",
                columns: new[] { "report_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_levy_reports_number",
                table: "levy_reports",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_levy_reports_reporter_id_received_at",
                table: "levy_reports",
                columns: new[] { "reporter_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_levy_reports_waiting_since",
                table: "levy_reports",
                column: "waiting_since");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "levy_report_answers");

            migrationBuilder.DropTable(
                name: "levy_report_openings");

            migrationBuilder.DropTable(
                name: "levy_reports");
        }
    }
}
