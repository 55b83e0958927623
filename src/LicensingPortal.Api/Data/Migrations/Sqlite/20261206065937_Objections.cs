using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicensingPortal.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Objections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "objections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    application_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    requirement_ids = table.Column<string>(type: "TEXT", nullable: false),
                    filed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    answer_due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    answered_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    answered_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_objections", x => x.id);
                    table.ForeignKey(
                        name: "fk_objections_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_objections_answered_at_answer_due_on",
                table: "objections",
                columns: new[] { "answered_at", "answer_due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_objections_application_id",
                table: "objections",
                column: "application_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "objections");
        }
    }
}
