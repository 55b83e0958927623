using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LicensingPortal.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DeliverySlotsAndCompressedAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_daily_delivery_counts",
                table: "daily_delivery_counts");

            migrationBuilder.AlterTable(
                name: "idempotency_records")
                .Annotation("Npgsql:StorageParameter:toast_tuple_target", 8160);

            migrationBuilder.AddColumn<string>(
                name: "body_encoding",
                table: "idempotency_records",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<short>(
                name: "slot",
                table: "daily_delivery_counts",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddPrimaryKey(
                name: "pk_daily_delivery_counts",
                table: "daily_delivery_counts",
                columns: new[] { "day", "channel", "slot" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Folds each day and channel's slots into one row before the key loses its slot.
            migrationBuilder.Sql("CREATE TEMPORARY TABLE delivery_totals AS SELECT day, channel, sum(delivered) AS delivered FROM daily_delivery_counts GROUP BY day, channel;");
            migrationBuilder.Sql("DELETE FROM daily_delivery_counts;");
            migrationBuilder.Sql("INSERT INTO daily_delivery_counts (day, channel, slot, delivered) SELECT day, channel, 0, delivered FROM delivery_totals;");
            migrationBuilder.Sql("DROP TABLE delivery_totals;");

            migrationBuilder.DropPrimaryKey(
                name: "pk_daily_delivery_counts",
                table: "daily_delivery_counts");

            migrationBuilder.DropColumn(
                name: "body_encoding",
                table: "idempotency_records");

            migrationBuilder.DropColumn(
                name: "slot",
                table: "daily_delivery_counts");

            migrationBuilder.AlterTable(
                name: "idempotency_records")
                .OldAnnotation("Npgsql:StorageParameter:toast_tuple_target", 8160);

            migrationBuilder.AddPrimaryKey(
                name: "pk_daily_delivery_counts",
                table: "daily_delivery_counts",
                columns: new[] { "day", "channel" });
        }
    }
}
