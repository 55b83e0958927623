using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicensingPortal.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AppealsToTheMayor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "appeal_answer",
                table: "objections",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "appeal_answer_due_on",
                table: "objections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "appeal_answered_at",
                table: "objections",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "appeal_answered_by",
                table: "objections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "appeal_filed_at",
                table: "objections",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "appeal_outcome",
                table: "objections",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "appeal_reason",
                table: "objections",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_objections_appeal_answered_at_appeal_answer_due_on",
                table: "objections",
                columns: new[] { "appeal_answered_at", "appeal_answer_due_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_objections_appeal_answered_at_appeal_answer_due_on",
                table: "objections");

            migrationBuilder.DropColumn(
                name: "appeal_answer",
                table: "objections");

            migrationBuilder.DropColumn(
                name: "appeal_answer_due_on",
                table: "objections");

            migrationBuilder.DropColumn(
                name: "appeal_answered_at",
                table: "objections");

            migrationBuilder.DropColumn(
                name: "appeal_answered_by",
                table: "objections");

            migrationBuilder.DropColumn(
                name: "appeal_filed_at",
                table: "objections");

            migrationBuilder.DropColumn(
                name: "appeal_outcome",
                table: "objections");

            migrationBuilder.DropColumn(
                name: "appeal_reason",
                table: "objections");
        }
    }
}
