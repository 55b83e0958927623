using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicensingPortal.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccountRecoveryPhotoDeleted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "photo_deleted_at",
                table: "account_recoveries",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "photo_deleted_at",
                table: "account_recoveries");
        }
    }
}
