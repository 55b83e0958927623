using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicensingPortal.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PermitRenewal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "renewed_by_permit_id",
                table: "permits",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "renews_permit_id",
                table: "permits",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "valid_from",
                table: "permits",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // An existing permit is valid from the day it was issued.
            migrationBuilder.Sql("UPDATE permits SET valid_from = issued_on");

            migrationBuilder.AddColumn<Guid>(
                name: "renews_permit_id",
                table: "applications",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "renews_permit_id",
                table: "application_drafts",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_permits_renews_permit_id",
                table: "permits",
                column: "renews_permit_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_applications_renews_permit_id",
                table: "applications",
                column: "renews_permit_id");

            migrationBuilder.AddForeignKey(
                name: "fk_applications_permits_renews_permit_id",
                table: "applications",
                column: "renews_permit_id",
                principalTable: "permits",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_permits_permits_renews_permit_id",
                table: "permits",
                column: "renews_permit_id",
                principalTable: "permits",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_applications_permits_renews_permit_id",
                table: "applications");

            migrationBuilder.DropForeignKey(
                name: "fk_permits_permits_renews_permit_id",
                table: "permits");

            migrationBuilder.DropIndex(
                name: "ix_permits_renews_permit_id",
                table: "permits");

            migrationBuilder.DropIndex(
                name: "ix_applications_renews_permit_id",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "renewed_by_permit_id",
                table: "permits");

            migrationBuilder.DropColumn(
                name: "renews_permit_id",
                table: "permits");

            migrationBuilder.DropColumn(
                name: "valid_from",
                table: "permits");

            migrationBuilder.DropColumn(
                name: "renews_permit_id",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "renews_permit_id",
                table: "application_drafts");
        }
    }
}
