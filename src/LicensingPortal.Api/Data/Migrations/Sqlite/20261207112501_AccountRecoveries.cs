using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicensingPortal.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountRecoveries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "account_recoveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    asked_at = table.Column<long>(type: "INTEGER", nullable: false),
                    account_email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    new_email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    owner_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    nik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    lost = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    contact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    photo_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    photo_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    photo_size = table.Column<long>(type: "INTEGER", nullable: false),
                    photo_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    confirm_token_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    confirmed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    decided_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    refusal_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_recoveries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_account_recoveries_account_id",
                table: "account_recoveries",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_account_recoveries_confirm_token_sha256",
                table: "account_recoveries",
                column: "confirm_token_sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_account_recoveries_status_asked_at",
                table: "account_recoveries",
                columns: new[] { "status", "asked_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_recoveries");
        }
    }
}
