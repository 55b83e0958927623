using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicensingPortal.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Questions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "questions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    asker_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    topic = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    application_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    asked_at = table.Column<long>(type: "INTEGER", nullable: false),
                    answer_due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: true),
                    answered_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    answered_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questions", x => x.id);
                    table.ForeignKey(
                        name: "fk_questions_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_questions_asp_net_users_asker_id",
                        column: x => x.asker_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_questions_answered_at_answer_due_on",
                table: "questions",
                columns: new[] { "answered_at", "answer_due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_questions_application_id",
                table: "questions",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_questions_asker_id_asked_at",
                table: "questions",
                columns: new[] { "asker_id", "asked_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "questions");
        }
    }
}
