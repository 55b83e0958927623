using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicensingPortal.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SharedNodeState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "document_contents",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_contents", x => x.key);
                });

            // The shared rate limits' windows (SharedWindowLimiter, ADR 0021): unlogged, since a count lost in a
            // crash costs nothing and a logged write would cost every limited request a WAL flush. Not in the
            // model: only PostgreSQL nodes share limits.
            migrationBuilder.Sql("""
                CREATE UNLOGGED TABLE rate_limit_windows (
                    partition text NOT NULL,
                    window_start timestamp with time zone NOT NULL,
                    hits integer NOT NULL,
                    CONSTRAINT pk_rate_limit_windows PRIMARY KEY (partition, window_start));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE rate_limit_windows;");
            migrationBuilder.DropTable(
                name: "document_contents");
        }
    }
}
