using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicensingPortal.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "businesses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    legal_form = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    investment_type = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    owner_nik = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    npwp = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    owner_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    nib = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    registered_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_businesses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    processed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rule_set_versions",
                columns: table => new
                {
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    rule_set_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    content = table.Column<string>(type: "TEXT", nullable: false),
                    first_seen_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rule_set_versions", x => x.hash);
                });

            migrationBuilder.CreateTable(
                name: "applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    business_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    permit_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    kbli_codes = table.Column<string>(type: "TEXT", nullable: false),
                    kelurahan_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    kecamatan_code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    latitude = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    longitude = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    land_area_m2 = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    building_area_m2 = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    employees = table.Column<int>(type: "INTEGER", nullable: false),
                    planned_start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    declarations = table.Column<string>(type: "TEXT", nullable: false),
                    environmental_document = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    building_approval_number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submission_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    investment_buildings = table.Column<long>(type: "INTEGER", nullable: false),
                    investment_land = table.Column<long>(type: "INTEGER", nullable: false),
                    investment_machinery = table.Column<long>(type: "INTEGER", nullable: false),
                    investment_working_capital = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_applications_businesses_business_id",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    application_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    approved = table.Column<bool>(type: "INTEGER", nullable: false),
                    rule_set_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    rule_set_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    scale = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    risk_level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    required_permits = table.Column<string>(type: "TEXT", nullable: false),
                    failed_requirement_ids = table.Column<string>(type: "TEXT", nullable: false),
                    facts_json = table.Column<string>(type: "TEXT", nullable: false),
                    trace_json = table.Column<string>(type: "TEXT", nullable: false),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_decisions_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_decisions_rule_set_versions_rule_set_hash",
                        column: x => x.rule_set_hash,
                        principalTable: "rule_set_versions",
                        principalColumn: "hash",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_applications_business_id",
                table: "applications",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_applications_submitted_at",
                table: "applications",
                column: "submitted_at");

            migrationBuilder.CreateIndex(
                name: "ix_businesses_nib",
                table: "businesses",
                column: "nib",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_decisions_application_id",
                table: "decisions",
                column: "application_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_decisions_decided_at",
                table: "decisions",
                column: "decided_at");

            migrationBuilder.CreateIndex(
                name: "ix_decisions_rule_set_hash",
                table: "decisions",
                column: "rule_set_hash");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_processed_at_created_at",
                table: "outbox_messages",
                columns: new[] { "processed_at", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "decisions");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "applications");

            migrationBuilder.DropTable(
                name: "rule_set_versions");

            migrationBuilder.DropTable(
                name: "businesses");
        }
    }
}
