using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicensingPortal.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountRecoveryPhotoDeleted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "photo_deleted_at",
                table: "account_recoveries",
                type: "INTEGER",
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
