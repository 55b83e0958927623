using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicensingPortal.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PermitChange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "replaced_at",
                table: "permits",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "replaced_by_application_id",
                table: "permits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "replaced_by_permit_id",
                table: "permits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "changes_application_id",
                table: "applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "changes_business_id",
                table: "application_drafts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_permits_replaced_by_application_id",
                table: "permits",
                column: "replaced_by_application_id");

            migrationBuilder.CreateIndex(
                name: "ix_permits_replaced_by_permit_id",
                table: "permits",
                column: "replaced_by_permit_id");

            migrationBuilder.CreateIndex(
                name: "ix_applications_changes_application_id",
                table: "applications",
                column: "changes_application_id");

            migrationBuilder.AddForeignKey(
                name: "fk_applications_applications_changes_application_id",
                table: "applications",
                column: "changes_application_id",
                principalTable: "applications",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_permits_applications_replaced_by_application_id",
                table: "permits",
                column: "replaced_by_application_id",
                principalTable: "applications",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_permits_permits_replaced_by_permit_id",
                table: "permits",
                column: "replaced_by_permit_id",
                principalTable: "permits",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_applications_applications_changes_application_id",
                table: "applications");

            migrationBuilder.DropForeignKey(
                name: "fk_permits_applications_replaced_by_application_id",
                table: "permits");

            migrationBuilder.DropForeignKey(
                name: "fk_permits_permits_replaced_by_permit_id",
                table: "permits");

            migrationBuilder.DropIndex(
                name: "ix_permits_replaced_by_application_id",
                table: "permits");

            migrationBuilder.DropIndex(
                name: "ix_permits_replaced_by_permit_id",
                table: "permits");

            migrationBuilder.DropIndex(
                name: "ix_applications_changes_application_id",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "replaced_at",
                table: "permits");

            migrationBuilder.DropColumn(
                name: "replaced_by_application_id",
                table: "permits");

            migrationBuilder.DropColumn(
                name: "replaced_by_permit_id",
                table: "permits");

            migrationBuilder.DropColumn(
                name: "changes_application_id",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "changes_business_id",
                table: "application_drafts");
        }
    }
}
