using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicensingPortal.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InspectionVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inspection_visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    permit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    agency = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    inspector_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    inspector_nip = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    from_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    booked_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    booked_at = table.Column<long>(type: "INTEGER", nullable: false),
                    replaced_at = table.Column<long>(type: "INTEGER", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    visited_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    recorded_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_inspection_visits_permits_permit_id",
                        column: x => x.permit_id,
                        principalTable: "permits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inspection_visits_business_id",
                table: "inspection_visits",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_visits_permit_id",
                table: "inspection_visits",
                column: "permit_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inspection_visits");
        }
    }
}
